// SPDX-License-Identifier: MIT
#pragma once

#include <QWizardPage>

class QLabel;
class QProgressBar;
class QPushButton;

namespace cosell {

class SetupWizard;

// Page 7: a dry run says what the first sync will do (opportunities and referrals to
// create, updates, conflicts); then the sync runs with a progress bar and can be cancelled.
class FirstSyncPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FirstSyncPage)

public:
    explicit FirstSyncPage(SetupWizard &wizard);

    void initializePage() override;
    bool isComplete() const override;
    // Next (and QWizard::next()) goes on only once the page's check passed.
    bool validatePage() override { return isComplete(); }

    void plan();
    void startSync();
    void cancelSync();
    // What the Done page shows.
    QString resultText() const { return m_resultText; }

private:
    void setRunning(bool running);

    SetupWizard &m_wizard;
    QLabel *m_planStatus;
    QLabel *m_opportunities;
    QLabel *m_referrals;
    QLabel *m_links;
    QLabel *m_updates;
    QLabel *m_conflicts;
    QPushButton *m_planButton;
    QPushButton *m_start;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_status;
    QString m_resultText;
    bool m_planned = false;
    bool m_synced = false;
    quint64 m_run = 0;
};

} // namespace cosell
