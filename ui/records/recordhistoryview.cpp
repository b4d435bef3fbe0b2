// SPDX-License-Identifier: MIT
#include "ui/records/recordhistoryview.h"

#include "ui/widgets/localetime.h"

#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cosell {
namespace {

QString shown(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return QStringLiteral("—");
    if (value.isString())
        return value.toString();
    if (value.isArray() || value.isObject()) {
        const QJsonDocument doc =
            value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
        return QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
    }
    return value.toVariant().toString();
}

} // namespace

RecordHistoryView::RecordHistoryView(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("recordHistory"));
    setColumnCount(ColumnCount);
    setHeaderLabels({tr("When"), tr("Who"), tr("What"), tr("Message")});
    setRootIsDecorated(true);
    setUniformRowHeights(true);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    header()->setStretchLastSection(true);
}

void RecordHistoryView::showEntries(const QList<AuditEntry> &entries)
{
    clear();
    for (const AuditEntry &entry : entries) {
        auto *item = new QTreeWidgetItem(this);
        item->setText(WhenColumn, LocaleTime::shortDateTime(entry.at));
        item->setText(ActorColumn, entry.actor);
        item->setText(ActionColumn, entry.action);
        item->setText(MessageColumn, entry.message);
        item->setToolTip(MessageColumn, entry.message);
        for (const AuditChange &change : entry.changes) {
            auto *child = new QTreeWidgetItem(item);
            child->setText(ActionColumn, change.field);
            child->setText(MessageColumn,
                           tr("%1 → %2").arg(shown(change.before), shown(change.after)));
        }
    }
    expandAll();
    for (int column = WhenColumn; column < MessageColumn; ++column)
        resizeColumnToContents(column);
}

} // namespace cosell
