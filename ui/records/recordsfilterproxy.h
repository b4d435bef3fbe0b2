// SPDX-License-Identifier: MIT
#pragma once

#include "ui/widgets/statusicons.h"

#include <QDateTime>
#include <QSortFilterProxyModel>

namespace cosell {

class RecordsModel;

// Search and filters over a RecordsModel, and sorting on every column. Reads the source's
// rows directly (no QVariant per row) so 100,000 rows filter fast. GUI thread.
class RecordsFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordsFilterProxy)

public:
    explicit RecordsFilterProxy(QObject *parent = nullptr);

    // Must be a RecordsModel.
    void setRecordsModel(RecordsModel *model);

    // Case-insensitive, in customer or deal name; empty matches all.
    void setSearchText(const QString &text);
    // nullopt: any status.
    void setStatusFilter(std::optional<StatusIcons::Status> status);
    // "dynamics" / "salesforce"; empty: any system.
    void setSystemFilter(const QString &system);
    void setOnlyWithConflict(bool on);
    void setOnlyWithError(bool on);
    // Invalid: no date filter.
    void setChangedSince(const QDateTime &since);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    RecordsModel *m_records = nullptr;
    QString m_search; // case-folded
    std::optional<StatusIcons::Status> m_status;
    QString m_system;
    bool m_conflict = false;
    bool m_error = false;
    qint64 m_sinceMs = 0; // 0: no date filter
};

} // namespace cosell
