// SPDX-License-Identifier: MIT
#pragma once

#include "core/mapping/mappingspec.h"
#include "core/model/crmrecord.h"
#include "core/model/referral.h"

#include <optional>

#include <QJsonObject>
#include <QWidget>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QTableWidget;
class QTabWidget;

namespace cosell {

class RecordHistoryView;

// The selected record, referral and opportunity side by side through a mapping: one row
// per mapped field (Partner Center, CRM, base on demand, what moved), the unmapped fields
// of each side below, each side's raw JSON on a second tab, and the record's audit trail on a
// third. GUI thread.
class RecordDetailPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordDetailPanel)

public:
    enum Column { FieldColumn, PcColumn, CrmColumn, BaseColumn, ChangeColumn, ColumnCount };

    explicit RecordDetailPanel(QWidget *parent = nullptr);

    // Either side may be missing (a record not linked yet); base is the link's snapshot.
    void showRecord(const std::optional<Referral> &referral, const std::optional<CrmRecord> &record,
                    const QJsonObject &base, const MappingSpec &spec);
    void clear();

    void setBaseVisible(bool visible);
    bool isBaseVisible() const;

    QTableWidget *fieldsTable() const { return m_fields; }
    QTableWidget *unmappedTable() const { return m_unmapped; }
    RecordHistoryView *history() const { return m_history; }
    void showHistoryTab();
    // Rows of fieldsTable() whose two sides differ.
    QList<int> differingRows() const { return m_differing; }

private:
    void fillUnmapped(const std::optional<Referral> &referral,
                      const std::optional<CrmRecord> &record, const MappingSpec &spec);
    void highlightRow(int row, const QString &change);

    QLabel *m_title;
    QCheckBox *m_showBase;
    QTabWidget *m_tabs;
    QTableWidget *m_fields;
    QTableWidget *m_unmapped;
    QPlainTextEdit *m_pcJson;
    QPlainTextEdit *m_crmJson;
    RecordHistoryView *m_history;
    QList<int> m_differing;
};

} // namespace cosell
