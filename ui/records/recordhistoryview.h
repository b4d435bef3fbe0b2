// SPDX-License-Identifier: MIT
#pragma once

#include "core/store/auditentry.h"

#include <QTreeWidget>

namespace cosell {

// One record's audit trail, newest first: an entry per row (when, who, what, message) with
// its field changes (before → after) as child rows. Read-only; GUI thread.
class RecordHistoryView final : public QTreeWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordHistoryView)

public:
    enum Column { WhenColumn, ActorColumn, ActionColumn, MessageColumn, ColumnCount };

    explicit RecordHistoryView(QWidget *parent = nullptr);

    void showEntries(const QList<AuditEntry> &entries);
};

} // namespace cosell
