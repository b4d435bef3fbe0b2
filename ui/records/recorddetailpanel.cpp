// SPDX-License-Identifier: MIT
#include "ui/records/recorddetailpanel.h"

#include "core/mapping/recordmapper.h"
#include "ui/records/fieldlabels.h"
#include "ui/records/recordhistoryview.h"
#include "ui/widgets/statusicons.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cosell {
namespace {

QString showValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 15);
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

// Leaf paths of a JSON object ("a.b", "team[0].email") with their values.
void flatten(const QJsonValue &value, const QString &path,
             QList<std::pair<QString, QJsonValue>> &out)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            flatten(it.value(), path.isEmpty() ? it.key() : path + u'.' + it.key(), out);
    } else if (value.isArray() && !value.toArray().isEmpty()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            flatten(array.at(i), path + QStringLiteral("[%1]").arg(i), out);
    } else {
        out.append({path, value});
    }
}

bool covered(const QString &path, const QStringList &mapped)
{
    for (const QString &m : mapped) {
        if (path == m || path.startsWith(m + u'.') || path.startsWith(m + u'['))
            return true;
    }
    return false;
}

QTableWidgetItem *item(const QString &text)
{
    auto *cell = new QTableWidgetItem(text);
    cell->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    cell->setToolTip(text);
    return cell;
}

} // namespace

RecordDetailPanel::RecordDetailPanel(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_showBase(new QCheckBox(tr("Show base values"), this))
    , m_tabs(new QTabWidget(this))
    , m_fields(new QTableWidget(0, ColumnCount, this))
    , m_unmapped(new QTableWidget(0, 3, this))
    , m_pcJson(new QPlainTextEdit(this))
    , m_crmJson(new QPlainTextEdit(this))
    , m_history(new RecordHistoryView(this))
{
    setObjectName(QStringLiteral("recordDetailPanel"));
    m_title->setObjectName(QStringLiteral("recordDetailTitle"));
    m_showBase->setObjectName(QStringLiteral("showBaseCheck"));
    m_showBase->setToolTip(tr("The base is the value both sides last agreed on."));
    m_tabs->setObjectName(QStringLiteral("recordDetailTabs"));
    m_fields->setObjectName(QStringLiteral("mappedFieldsTable"));
    m_unmapped->setObjectName(QStringLiteral("unmappedFieldsTable"));
    m_pcJson->setObjectName(QStringLiteral("partnerCenterJson"));
    m_crmJson->setObjectName(QStringLiteral("crmJson"));

    m_fields->setHorizontalHeaderLabels(
        {tr("Field"), tr("Partner Center"), tr("CRM"), tr("Base"), tr("Change")});
    m_unmapped->setHorizontalHeaderLabels({tr("Side"), tr("Field"), tr("Value")});
    for (QTableWidget *table : {m_fields, m_unmapped}) {
        table->verticalHeader()->hide();
        table->horizontalHeader()->setStretchLastSection(true);
        table->setSelectionBehavior(QAbstractItemView::SelectRows);
        table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        table->setWordWrap(false);
    }
    for (QPlainTextEdit *edit : {m_pcJson, m_crmJson}) {
        edit->setReadOnly(true);
        edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    }

    auto *fieldsPage = new QWidget(m_tabs);
    auto *fieldsLayout = new QVBoxLayout(fieldsPage);
    auto *split = new QSplitter(Qt::Vertical, fieldsPage);
    split->addWidget(m_fields);
    auto *unmappedBox = new QWidget(split);
    auto *unmappedLayout = new QVBoxLayout(unmappedBox);
    unmappedLayout->setContentsMargins(0, 0, 0, 0);
    unmappedLayout->addWidget(new QLabel(tr("Unmapped fields"), unmappedBox));
    unmappedLayout->addWidget(m_unmapped);
    split->addWidget(unmappedBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    fieldsLayout->addWidget(m_showBase);
    fieldsLayout->addWidget(split);

    auto *jsonPage = new QWidget(m_tabs);
    auto *jsonLayout = new QHBoxLayout(jsonPage);
    auto *pcBox = new QVBoxLayout;
    pcBox->addWidget(new QLabel(tr("Partner Center referral"), jsonPage));
    pcBox->addWidget(m_pcJson);
    auto *crmBox = new QVBoxLayout;
    crmBox->addWidget(new QLabel(tr("CRM opportunity"), jsonPage));
    crmBox->addWidget(m_crmJson);
    jsonLayout->addLayout(pcBox);
    jsonLayout->addLayout(crmBox);

    m_tabs->addTab(fieldsPage, tr("Fields"));
    m_tabs->addTab(jsonPage, tr("Raw JSON"));
    m_tabs->addTab(m_history, tr("History"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_tabs);

    connect(m_showBase, &QCheckBox::toggled, this, &RecordDetailPanel::setBaseVisible);
    setBaseVisible(false);
    clear();
}

void RecordDetailPanel::setBaseVisible(bool visible)
{
    m_showBase->setChecked(visible);
    m_fields->setColumnHidden(BaseColumn, !visible);
}

bool RecordDetailPanel::isBaseVisible() const
{
    return !m_fields->isColumnHidden(BaseColumn);
}

void RecordDetailPanel::showHistoryTab()
{
    m_tabs->setCurrentWidget(m_history);
}

void RecordDetailPanel::clear()
{
    m_title->setText(tr("Select a record to see both sides."));
    m_fields->setRowCount(0);
    m_unmapped->setRowCount(0);
    m_pcJson->clear();
    m_crmJson->clear();
    m_history->clear();
    m_differing.clear();
}

void RecordDetailPanel::highlightRow(int row, const QString &change)
{
    // Palette roles, not colours: the highlight follows the theme (dark, high contrast).
    const QBrush background = palette().brush(QPalette::Highlight);
    const QBrush foreground = palette().brush(QPalette::HighlightedText);
    for (int column = 0; column < ColumnCount; ++column) {
        QTableWidgetItem *cell = m_fields->item(row, column);
        cell->setBackground(background);
        cell->setForeground(foreground);
    }
    QTableWidgetItem *changeCell = m_fields->item(row, ChangeColumn);
    changeCell->setText(change);
    changeCell->setToolTip(change);
    changeCell->setIcon(StatusIcons::icon(StatusIcons::Status::Pending));
}

void RecordDetailPanel::showRecord(const std::optional<Referral> &referral,
                                   const std::optional<CrmRecord> &record, const QJsonObject &base,
                                   const MappingSpec &spec)
{
    clear();
    const QString pcName = referral ? referral->name() : QString();
    const QString crmId = record ? record->id() : QString();
    m_title->setText(tr("%1 — referral %2 ↔ opportunity %3")
                         .arg(pcName.isEmpty() ? tr("(no name)") : pcName,
                              referral ? referral->id() : tr("none"),
                              crmId.isEmpty() ? tr("none") : crmId));

    const RecordMapper mapper(spec);
    const QJsonObject pc = referral ? mapper.fromReferral(*referral).values : QJsonObject();
    const QJsonObject crm = record ? mapper.fromCrm(*record).values : QJsonObject();

    m_fields->setRowCount(int(spec.fields().size()));
    int row = 0;
    for (const FieldMapping &field : spec.fields()) {
        const QJsonValue pcValue = pc.value(field.id);
        const QJsonValue crmValue = crm.value(field.id);
        const QJsonValue baseValue = base.value(field.id);
        auto *name = item(FieldLabels::display(field));
        name->setData(Qt::UserRole, field.id);
        m_fields->setItem(row, FieldColumn, name);
        m_fields->setItem(row, PcColumn, item(showValue(pcValue)));
        m_fields->setItem(row, CrmColumn, item(showValue(crmValue)));
        m_fields->setItem(row, BaseColumn, item(showValue(baseValue)));
        m_fields->setItem(row, ChangeColumn, item(QString()));
        // Only a field both sides carry can differ; a missing side is "not carried".
        if (referral && record && !pcValue.isUndefined() && !crmValue.isUndefined()
            && pcValue != crmValue) {
            QString change;
            if (baseValue.isUndefined())
                change = tr("Differs (no base yet)");
            else if (pcValue != baseValue && crmValue == baseValue)
                change = tr("Partner Center changed");
            else if (crmValue != baseValue && pcValue == baseValue)
                change = tr("CRM changed");
            else
                change = tr("Both sides changed");
            highlightRow(row, change);
            m_differing.append(row);
        }
        ++row;
    }
    m_fields->resizeColumnsToContents();

    fillUnmapped(referral, record, spec);
    if (referral)
        m_pcJson->setPlainText(
            QString::fromUtf8(QJsonDocument(referral->json()).toJson(QJsonDocument::Indented)));
    if (record)
        m_crmJson->setPlainText(
            QString::fromUtf8(QJsonDocument(record->fields()).toJson(QJsonDocument::Indented)));
}

void RecordDetailPanel::fillUnmapped(const std::optional<Referral> &referral,
                                     const std::optional<CrmRecord> &record,
                                     const MappingSpec &spec)
{
    QStringList pcMapped;
    QStringList crmMapped;
    for (const FieldMapping &field : spec.fields()) {
        for (const FieldPath &path : field.referralPaths)
            pcMapped.append(path.toString());
        for (const FieldPath &path : field.crmFields)
            crmMapped.append(path.toString());
    }
    QList<std::pair<QString, QJsonValue>> pcLeaves;
    QList<std::pair<QString, QJsonValue>> crmLeaves;
    if (referral)
        flatten(referral->json(), {}, pcLeaves);
    if (record)
        flatten(record->fields(), {}, crmLeaves);
    const auto add = [this](const QString &side,
                            const QList<std::pair<QString, QJsonValue>> &leaves,
                            const QStringList &mapped) {
        for (const auto &[path, value] : leaves) {
            if (covered(path, mapped))
                continue;
            const int row = m_unmapped->rowCount();
            m_unmapped->insertRow(row);
            m_unmapped->setItem(row, 0, item(side));
            m_unmapped->setItem(row, 1, item(path));
            m_unmapped->setItem(row, 2, item(showValue(value)));
        }
    };
    add(tr("Partner Center"), pcLeaves, pcMapped);
    add(tr("CRM"), crmLeaves, crmMapped);
    m_unmapped->resizeColumnsToContents();
}

} // namespace cosell
