// SPDX-License-Identifier: MIT
#pragma once

#include "core/store/recordlistrow.h"
#include "ui/widgets/statusicons.h"

#include <QAbstractTableModel>
#include <QIcon>
#include <QList>

namespace cosell {

// The Records list: one row per link, lone referral or lone opportunity (RecordListRow).
// Holds the rows flat; display text is made on demand. GUI thread.
class RecordsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordsModel)

public:
    enum Column {
        Customer,
        DealName,
        Value,
        CloseDate,
        PcStatus,
        CrmStage,
        LastSynced,
        Status,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole + 1, // a value that sorts right (number, ISO text)
        StatusRole, // int(StatusIcons::Status)
        KeyRole, // stable row key (see keyOf)
        LinkIdRole,
        ReferralIdRole,
    };

    explicit RecordsModel(QObject *parent = nullptr);

    // Replaces every row (a model reset) and computes the search and sort keys.
    void setRows(QList<RecordListRow> rows);
    const RecordListRow &row(int index) const { return m_rows.at(index); }
    // Case-folded customer and deal name of a row: search and sort compare these directly.
    const QString &customerKey(int index) const { return m_keys.at(index).customer; }
    const QString &dealNameKey(int index) const { return m_keys.at(index).dealName; }
    int indexOfKey(const QString &key) const; // -1 if absent

    static StatusIcons::Status statusOf(const RecordListRow &row);
    static QString keyOf(const RecordListRow &row);
    static QString statusToolTip(const RecordListRow &row);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(const RecordListRow &row, int column) const;

    struct Keys
    {
        QString customer;
        QString dealName;
    };

    QList<RecordListRow> m_rows;
    QList<Keys> m_keys; // parallel to m_rows
    QIcon m_icons[std::size(StatusIcons::all)];
};

} // namespace cosell
