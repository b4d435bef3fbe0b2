// SPDX-License-Identifier: MIT
#pragma once

#include <QWizardPage>

class QGroupBox;
class QLabel;
class QPushButton;
class QRadioButton;

namespace cosell {

class SetupWizard;
struct DeviceCodePrompt;

// Page 2: sign in to Partner Center (browser with loopback redirect, or a device code with a
// copy button), then a real referrals call proves the account may read referrals.
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

private:
    void showDeviceCode(const DeviceCodePrompt &prompt);
    void setBusy(bool busy);

    SetupWizard &m_wizard;
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
