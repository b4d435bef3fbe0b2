// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLineEdit;

namespace cosell {

class RecordsFilterProxy;

// The search box and filters above the Records list; drives a RecordsFilterProxy.
// GUI thread.
class RecordsFilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordsFilterBar)

public:
    // proxy: not owned, must outlive the bar.
    explicit RecordsFilterBar(RecordsFilterProxy *proxy, QWidget *parent = nullptr);

    QLineEdit *searchEdit() const { return m_search; }
    QComboBox *statusCombo() const { return m_status; }
    QComboBox *systemCombo() const { return m_system; }
    QCheckBox *conflictCheck() const { return m_conflict; }
    QCheckBox *errorCheck() const { return m_error; }
    QCheckBox *changedSinceCheck() const { return m_changedSince; }
    QDateTimeEdit *changedSinceEdit() const { return m_since; }

private:
    void applyChangedSince();

    RecordsFilterProxy *m_proxy;
    QLineEdit *m_search;
    QComboBox *m_status;
    QComboBox *m_system;
    QCheckBox *m_conflict;
    QCheckBox *m_error;
    QCheckBox *m_changedSince;
    QDateTimeEdit *m_since;
};

} // namespace cosell
