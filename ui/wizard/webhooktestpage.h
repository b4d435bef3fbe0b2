// SPDX-License-Identifier: MIT
#pragma once

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QPushButton;
class QTimer;

namespace cosell {

class SetupWizard;

// Page 5: asks Partner Center for its validation event and waits for the receiver to get
// it; after the timeout (SetupProfile::validationTimeoutMs) it lists the likely causes.
// The admin may go on without webhooks (the periodic sweep still syncs).
class WebhookTestPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhookTestPage)

public:
    explicit WebhookTestPage(SetupWizard &wizard);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    // Next (and QWizard::next()) goes on only once the page's check passed.
    bool validatePage() override { return isComplete(); }

    void sendTestEvent();
    bool arrived() const { return m_arrived; }

private:
    void onArrived(const QString &correlationId);
    void onTimeout();

    SetupWizard &m_wizard;
    QPushButton *m_send;
    QLabel *m_status;
    QLabel *m_causes;
    QCheckBox *m_skip;
    QTimer *m_timer;
    QString m_correlationId;
    int m_refused = 0;
    bool m_waiting = false;
    bool m_arrived = false;
    quint64 m_run = 0;
};

} // namespace cosell
