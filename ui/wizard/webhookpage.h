// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QWizardPage>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace cosell {

class SetupWizard;

// Page 4: the local receiver (listen address), the public URL that reaches it, the events
// to register, the registration Partner Center has now, and the registration itself
// (overwriting the existing one only when the admin says so).
class WebhookPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhookPage)

public:
    explicit WebhookPage(SetupWizard &wizard);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    void startListening();
    void loadRegistration();
    void registerWebhook();

private:
    QStringList checkedEvents() const;
    void maybeAutoRegister();

    SetupWizard &m_wizard;
    QLineEdit *m_listen;
    QPushButton *m_listenButton;
    QLabel *m_listenStatus;
    QLineEdit *m_publicUrl;
    QHash<QString, QCheckBox *> m_events;
    QLabel *m_current;
    QCheckBox *m_overwrite;
    QPushButton *m_register;
    QLabel *m_status;
    bool m_publicUrlEdited = false;
    bool m_hasRegistration = false;
    bool m_registrationLoaded = false;
    bool m_registered = false;
    quint64 m_listenRun = 0;
    quint64 m_run = 0;
};

} // namespace cosell
