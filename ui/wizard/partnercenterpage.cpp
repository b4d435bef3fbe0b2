// SPDX-License-Identifier: MIT
#include "ui/wizard/partnercenterpage.h"

#include "core/setup/setupsession.h"
#include "ui/wizard/setupwizard.h"
#include "ui/wizard/wizardtext.h"

#include <QClipboard>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QVBoxLayout>

namespace cosell {

namespace {

const auto clientIdKey = QLatin1String("setup/entraClientId");

} // namespace

QString PartnerCenterPage::savedClientId(const QSettings &settings)
{
    return settings.value(clientIdKey).toString().trimmed();
}

PartnerCenterPage::PartnerCenterPage(SetupWizard &wizard)
    : QWizardPage(&wizard)
    , m_wizard(wizard)
    , m_clientId(new QLineEdit(this))
    , m_browser(new QRadioButton(tr("Sign in with the browser on this computer"), this))
    , m_deviceCode(new QRadioButton(tr("Sign in on another device with a code"), this))
    , m_signIn(new QPushButton(tr("Sign in to Partner Center"), this))
    , m_codeBox(new QGroupBox(tr("Device code"), this))
    , m_code(new QLabel(m_codeBox))
    , m_codeHelp(new QLabel(m_codeBox))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("partnerCenterPage"));
    setTitle(tr("Partner Center"));
    setSubTitle(tr(
        "Sign in with an account of your partner organization that has the Referrals admin role."));
    m_clientId->setObjectName(QStringLiteral("pcClientIdEdit"));
    m_clientId->setPlaceholderText(QStringLiteral("00000000-0000-0000-0000-000000000000"));
    m_clientId->setToolTip(tr("Microsoft Entra admin center › App registrations › your app › "
                              "Overview. Used for Partner Center and Dynamics 365 sign-in."));
    m_browser->setObjectName(QStringLiteral("pcBrowserOption"));
    m_deviceCode->setObjectName(QStringLiteral("pcDeviceCodeOption"));
    m_signIn->setObjectName(QStringLiteral("pcSignInButton"));
    m_codeBox->setObjectName(QStringLiteral("pcDeviceCodeBox"));
    m_code->setObjectName(QStringLiteral("pcDeviceCode"));
    m_status->setObjectName(QStringLiteral("pcStatus"));
    m_browser->setChecked(true);

    QFont big = m_code->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_code->setFont(big);
    m_code->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_codeHelp->setWordWrap(true);
    m_codeHelp->setOpenExternalLinks(true);
    auto *copy = new QPushButton(tr("Copy code"), m_codeBox);
    copy->setObjectName(QStringLiteral("pcCopyCodeButton"));
    connect(copy, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_code->text()); });
    auto *codeRow = new QHBoxLayout;
    codeRow->addWidget(m_code);
    codeRow->addWidget(copy);
    codeRow->addStretch(1);
    auto *codeLayout = new QVBoxLayout(m_codeBox);
    codeLayout->addWidget(m_codeHelp);
    codeLayout->addLayout(codeRow);
    m_codeBox->hide();

    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();

    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_signIn);
    buttonRow->addStretch(1);
    auto *clientIdHelp = new QLabel(tr("The Microsoft Entra app registration of your organization, "
                                       "used to sign in to Partner Center and Dynamics 365."),
                                    this);
    clientIdHelp->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Application (client) ID:"), m_clientId);
    form->addRow(QString(), clientIdHelp);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_browser);
    layout->addWidget(m_deviceCode);
    layout->addLayout(buttonRow);
    layout->addWidget(m_codeBox);
    layout->addWidget(m_status);
    layout->addStretch(1);

    // The demo's sandbox knows only its own app; a real organisation's id is remembered.
    const SetupProfile &profile = wizard.session().profile();
    if (profile.demo) {
        m_clientId->setText(profile.entraClientId());
        m_clientId->setReadOnly(true);
    } else {
        const QString saved = savedClientId(wizard.settings());
        m_clientId->setText(saved.isEmpty() ? profile.entraClientId() : saved);
    }

    connect(m_signIn, &QPushButton::clicked, this, &PartnerCenterPage::signIn);
    // A sign-in belongs to the app it was made with: another id needs another sign-in.
    connect(m_clientId, &QLineEdit::textEdited, this, [this] {
        if (!m_verified)
            return;
        m_verified = false;
        WizardText::showStatus(m_status, WizardText::State::Idle, QString());
        Q_EMIT completeChanged();
    });
}

void PartnerCenterPage::initializePage()
{
    if (m_wizard.autoRun() && !m_verified && m_signIn->isEnabled())
        signIn();
}

bool PartnerCenterPage::isComplete() const
{
    return m_verified;
}

void PartnerCenterPage::setBusy(bool busy)
{
    m_signIn->setEnabled(!busy);
    m_clientId->setEnabled(!busy);
    m_browser->setEnabled(!busy);
    m_deviceCode->setEnabled(!busy);
}

void PartnerCenterPage::signIn()
{
    const quint64 run = ++m_run;
    m_verified = false;
    Q_EMIT completeChanged();
    const QString clientId = m_clientId->text().trimmed();
    if (clientId.isEmpty()) {
        m_codeBox->hide();
        WizardText::showStatus(m_status, WizardText::State::Failed,
                               tr("Enter the Application (client) ID of your Microsoft Entra app "
                                  "registration first (Entra admin center › App registrations)."));
        m_clientId->setFocus();
        return;
    }
    if (!m_wizard.session().profile().demo)
        m_wizard.settings().setValue(clientIdKey, clientId);
    m_wizard.session().setEntraClientId(clientId);
    setBusy(true);
    m_codeBox->hide();
    WizardText::showStatus(m_status, WizardText::State::Busy,
                           m_deviceCode->isChecked()
                               ? tr("Asking for a device code…")
                               : tr("Waiting for the sign-in in the browser…"));
    SetupSession &session = m_wizard.session();
    auto signedIn = [this, run, &session](Status status) {
        if (run != m_run)
            return;
        m_codeBox->hide();
        if (!status) {
            setBusy(false);
            WizardText::showStatus(m_status, WizardText::State::Failed,
                                   WizardText::signInError(status.error()));
            return;
        }
        WizardText::showStatus(m_status, WizardText::State::Busy,
                               tr("Signed in. Checking access to referrals…"));
        session.checkPartnerCenterAccess([this, run, &session](Status access) {
            if (run != m_run)
                return;
            setBusy(false);
            if (!access) {
                WizardText::showStatus(m_status, WizardText::State::Failed,
                                       WizardText::partnerCenterAccessError(access.error()));
                return;
            }
            const QString account = session.partnerCenterAccount();
            m_wizard.settings().setValue(QStringLiteral("setup/partnerCenterAccount"), account);
            WizardText::showStatus(m_status, WizardText::State::Ok,
                                   tr("Signed in as %1. Referrals can be read.")
                                       .arg(account.isEmpty() ? tr("(unknown account)") : account));
            m_verified = true;
            Q_EMIT completeChanged();
        });
    };
    if (m_deviceCode->isChecked()) {
        session.signInPartnerCenterWithDeviceCode(
            [this, run](const DeviceCodePrompt &prompt) {
                if (run == m_run)
                    showDeviceCode(prompt);
            },
            signedIn);
    } else {
        session.signInPartnerCenter(m_wizard.browser(), signedIn);
    }
}

void PartnerCenterPage::showDeviceCode(const DeviceCodePrompt &prompt)
{
    const QString url = prompt.verificationUri.toString();
    m_code->setText(prompt.userCode);
    m_codeHelp->setText(tr("Open <a href=\"%1\">%2</a> on any device and enter this code:")
                            .arg(url.toHtmlEscaped(), url.toHtmlEscaped()));
    m_codeBox->show();
    WizardText::showStatus(m_status, WizardText::State::Busy,
                           tr("Waiting for you to enter the code…"));
}

} // namespace cosell
