// SPDX-License-Identifier: MIT
#include "ui/records/recordsmodel.h"

#include "ui/widgets/localetime.h"

#include <QDateTime>
#include <QLocale>

namespace cosell {

RecordsModel::RecordsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    for (StatusIcons::Status status : StatusIcons::all)
        m_icons[int(status)] = StatusIcons::icon(status);
}

void RecordsModel::setRows(QList<RecordListRow> rows)
{
    QList<Keys> keys;
    keys.reserve(rows.size());
    for (const RecordListRow &row : std::as_const(rows))
        keys.append({row.customer.toCaseFolded(), row.dealName.toCaseFolded()});
    beginResetModel();
    m_rows = std::move(rows);
    m_keys = std::move(keys);
    endResetModel();
}

int RecordsModel::indexOfKey(const QString &key) const
{
    // Compares the fields the key is made of rather than building 100,000 keys.
    const auto find = [this](auto &&matches) {
        for (int i = 0; i < m_rows.size(); ++i) {
            if (matches(m_rows.at(i)))
                return i;
        }
        return -1;
    };
    if (key.startsWith(QLatin1String("link:"))) {
        bool ok = false;
        const qint64 id = QStringView(key).mid(5).toLongLong(&ok);
        return ok ? find([id](const RecordListRow &row) { return row.linkId == id; }) : -1;
    }
    if (key.startsWith(QLatin1String("referral:"))) {
        const QStringView id = QStringView(key).mid(9);
        return find(
            [id](const RecordListRow &row) { return row.linkId == 0 && row.referralId == id; });
    }
    return find([&key](const RecordListRow &row) {
        return row.linkId == 0 && row.referralId.isEmpty() && keyOf(row) == key;
    });
}

StatusIcons::Status RecordsModel::statusOf(const RecordListRow &row)
{
    if (row.linkId == 0)
        return row.syncFlagOff ? StatusIcons::Status::Ignored : StatusIcons::Status::NotLinked;
    if (row.state == Link::State::Ignored || row.syncFlagOff)
        return StatusIcons::Status::Ignored;
    if (row.state == Link::State::Conflict || row.hasOpenConflict)
        return StatusIcons::Status::Conflict;
    switch (row.state) {
    case Link::State::Synced:
        return StatusIcons::Status::Synced;
    case Link::State::Error:
        return StatusIcons::Status::Error;
    default:
        return StatusIcons::Status::Pending;
    }
}

QString RecordsModel::keyOf(const RecordListRow &row)
{
    if (row.linkId != 0)
        return QStringLiteral("link:%1").arg(row.linkId);
    if (!row.referralId.isEmpty())
        return QStringLiteral("referral:") + row.referralId;
    return QStringLiteral("crm:%1/%2").arg(row.system, row.crmId);
}

QString RecordsModel::statusToolTip(const RecordListRow &row)
{
    const StatusIcons::Status status = statusOf(row);
    QString tip =
        StatusIcons::label(status) + QStringLiteral(": ") + StatusIcons::explanation(status);
    if (status == StatusIcons::Status::Error && !row.lastError.isEmpty())
        tip += u'\n' + tr("Last error: %1").arg(row.lastError);
    if (status == StatusIcons::Status::NotLinked)
        tip += u'\n'
            + (row.referralId.isEmpty() ? tr("This opportunity has no referral yet.")
                                        : tr("This referral has no opportunity yet."));
    return tip;
}

int RecordsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RecordsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecordsModel::display(const RecordListRow &row, int column) const
{
    switch (column) {
    case Customer:
        return row.customer;
    case DealName:
        return row.dealName;
    case Value:
        if (!row.hasValue())
            return {};
        return QStringLiteral("%1 %2")
            .arg(QLocale().toString(row.value, 'f', 2), row.currency)
            .trimmed();
    case CloseDate:
        return row.closeDate.isValid() ? row.closeDate.toString(Qt::ISODate) : QString();
    case PcStatus:
        return row.pcStatus;
    case CrmStage:
        return row.crmStage;
    case LastSynced:
        if (row.lastSyncedMs == 0)
            return {};
        return LocaleTime::shortDateTime(QDateTime::fromMSecsSinceEpoch(row.lastSyncedMs, Qt::UTC));
    case Status:
        return StatusIcons::label(statusOf(row));
    default:
        return {};
    }
}

QVariant RecordsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const RecordListRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::DecorationRole:
        if (index.column() == Status)
            return m_icons[int(statusOf(row))];
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Status)
            return statusToolTip(row);
        return display(row, index.column());
    case SortRole:
        switch (index.column()) {
        case Value:
            return row.value;
        case LastSynced:
            return row.lastSyncedMs;
        case CloseDate:
            return row.closeDate;
        case Status:
            return int(statusOf(row));
        default:
            return display(row, index.column());
        }
    case StatusRole:
        return int(statusOf(row));
    case KeyRole:
        return keyOf(row);
    case LinkIdRole:
        return row.linkId;
    case ReferralIdRole:
        return row.referralId;
    default:
        return {};
    }
}

QVariant RecordsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Customer:
        return tr("Customer");
    case DealName:
        return tr("Deal name");
    case Value:
        return tr("Value");
    case CloseDate:
        return tr("Close date");
    case PcStatus:
        return tr("Partner Center status");
    case CrmStage:
        return tr("CRM stage");
    case LastSynced:
        return tr("Last synced");
    case Status:
        return tr("Sync status");
    default:
        return {};
    }
}

} // namespace cosell
