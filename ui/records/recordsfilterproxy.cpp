// SPDX-License-Identifier: MIT
#include "ui/records/recordsfilterproxy.h"

#include "ui/records/recordsmodel.h"

namespace cosell {

RecordsFilterProxy::RecordsFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(RecordsModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void RecordsFilterProxy::setRecordsModel(RecordsModel *model)
{
    m_records = model;
    setSourceModel(model);
}

void RecordsFilterProxy::setSearchText(const QString &text)
{
    m_search = text.trimmed().toCaseFolded();
    invalidateFilter();
}

void RecordsFilterProxy::setStatusFilter(std::optional<StatusIcons::Status> status)
{
    m_status = status;
    invalidateFilter();
}

void RecordsFilterProxy::setSystemFilter(const QString &system)
{
    m_system = system;
    invalidateFilter();
}

void RecordsFilterProxy::setOnlyWithConflict(bool on)
{
    m_conflict = on;
    invalidateFilter();
}

void RecordsFilterProxy::setOnlyWithError(bool on)
{
    m_error = on;
    invalidateFilter();
}

void RecordsFilterProxy::setChangedSince(const QDateTime &since)
{
    m_sinceMs = since.isValid() ? since.toMSecsSinceEpoch() : 0;
    invalidateFilter();
}

bool RecordsFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    if (!m_records)
        return true;
    const RecordListRow &row = m_records->row(sourceRow);
    if (!m_system.isEmpty() && row.system != m_system)
        return false;
    if (m_conflict && !(row.hasOpenConflict || (row.linkId && row.state == Link::State::Conflict)))
        return false;
    if (m_error && !(row.linkId && row.state == Link::State::Error))
        return false;
    if (m_sinceMs != 0 && row.changedMs < m_sinceMs)
        return false;
    if (m_status && RecordsModel::statusOf(row) != *m_status)
        return false;
    if (!m_search.isEmpty() && !m_records->customerKey(sourceRow).contains(m_search)
        && !m_records->dealNameKey(sourceRow).contains(m_search))
        return false;
    return true;
}

bool RecordsFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_records)
        return QSortFilterProxyModel::lessThan(left, right);
    const RecordListRow &a = m_records->row(left.row());
    const RecordListRow &b = m_records->row(right.row());
    const auto text = [](const QString &x, const QString &y) {
        return x.compare(y, Qt::CaseInsensitive) < 0;
    };
    switch (left.column()) {
    case RecordsModel::Customer:
        return m_records->customerKey(left.row()) < m_records->customerKey(right.row());
    case RecordsModel::DealName:
        return m_records->dealNameKey(left.row()) < m_records->dealNameKey(right.row());
    case RecordsModel::Value:
        // Rows without a value sort first.
        return (a.hasValue() ? a.value : -1e300) < (b.hasValue() ? b.value : -1e300);
    case RecordsModel::CloseDate:
        return a.closeDate < b.closeDate;
    case RecordsModel::PcStatus:
        return text(a.pcStatus, b.pcStatus);
    case RecordsModel::CrmStage:
        return text(a.crmStage, b.crmStage);
    case RecordsModel::LastSynced:
        return a.lastSyncedMs < b.lastSyncedMs;
    case RecordsModel::Status:
        return int(RecordsModel::statusOf(a)) < int(RecordsModel::statusOf(b));
    default:
        return false;
    }
}

} // namespace cosell
