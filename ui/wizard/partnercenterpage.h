// SPDX-License-Identifier: MIT
#pragma once

#include <QWizardPage>

class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSettings;

namespace cosell {

class SetupWizard;
struct DeviceCodePrompt;

// Page 2: the Application (client) ID of the organisation's Microsoft Entra app registration
// (also used for Dynamics 365; kept in settings, read-only in the demo), sign in to Partner
// Center (browser with loopback redirect, or a device code with a copy button), then a real
// referrals call proves the account may read referrals.
class PartnerCenterPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PartnerCenterPage)

public:
    explicit PartnerCenterPage(SetupWizard &wizard);

    void initializePage() override;
    bool isComplete() const override;
    // Next (and QWizard::next()) goes on only once the page's check passed.
    bool validatePage() override { return isComplete(); }

    void signIn();

    // The Application (client) ID kept in settings, "" if none was entered yet.
    static QString savedClientId(const QSettings &settings);

private:
    void showDeviceCode(const DeviceCodePrompt &prompt);
    void setBusy(bool busy);

    SetupWizard &m_wizard;
    QLineEdit *m_clientId;
    QRadioButton *m_browser;
    QRadioButton *m_deviceCode;
    QPushButton *m_signIn;
    QGroupBox *m_codeBox;
    QLabel *m_code;
    QLabel *m_codeHelp;
    QLabel *m_status;
    bool m_verified = false;
    quint64 m_run = 0;
};

} // namespace cosell
