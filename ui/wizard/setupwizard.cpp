// SPDX-License-Identifier: MIT
#include "ui/wizard/setupwizard.h"

#include "core/setup/firstsyncrunner.h"
#include "core/webhook/webhooklistener.h"
#include "ui/logging.h"
#include "ui/wizard/crmpage.h"
#include "ui/wizard/donepage.h"
#include "ui/wizard/firstsyncpage.h"
#include "ui/wizard/mappingsummarypage.h"
#include "ui/wizard/partnercenterpage.h"
#include "ui/wizard/webhookpage.h"
#include "ui/wizard/webhooktestpage.h"
#include "ui/wizard/welcomepage.h"

#include <QDesktopServices>
#include <QSettings>

namespace cosell {

SetupWizard::SetupWizard(Options options, QSettings *settings, QWidget *parent)
    : QWizard(parent)
    , m_options(std::move(options))
    , m_settings(settings)
    , m_session(new SetupSession(m_options.profile, m_options.secrets, this))
    , m_listener(new WebhookListener(this))
    , m_firstSync(new FirstSyncRunner(*m_session, this))
{
    Q_ASSERT(settings);
    setObjectName(QStringLiteral("setupWizard"));
    setWindowTitle(m_options.profile.demo ? tr("Set up Co-sell Sync (demo)")
                                          : tr("Set up Co-sell Sync"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setMinimumSize(760, 560);

    setPage(Welcome, new WelcomePage(*this));
    setPage(PartnerCenter, new PartnerCenterPage(*this));
    setPage(Crm, new CrmPage(*this));
    setPage(Webhook, new WebhookPage(*this));
    setPage(WebhookTest, new WebhookTestPage(*this));
    setPage(Mapping, new MappingSummaryPage(*this));
    setPage(FirstSync, new FirstSyncPage(*this));
    setPage(Done, new DonePage(*this));
    setStartId(Welcome);
}

SetupWizard::~SetupWizard() = default;

SetupSession::OpenBrowser SetupWizard::browser() const
{
    if (m_options.browser)
        return m_options.browser;
    return [](const QUrl &url) {
        return QDesktopServices::openUrl(url);
    };
}

bool SetupWizard::isSetupCompleted(const QSettings &settings)
{
    return settings.value(QStringLiteral("setup/completed"), false).toBool();
}

std::optional<ProductionConfig> SetupWizard::savedProductionConfig(const QSettings &settings,
                                                                   SetupProfile profile)
{
    const auto crm = CrmPage::savedCrm(settings);
    if (!crm)
        return std::nullopt;
    // As the pages do: a saved registration replaces the profile's default.
    if (const QString id = PartnerCenterPage::savedClientId(settings); !id.isEmpty())
        profile.setEntraClientId(id);
    if (const QString key = CrmPage::savedConsumerKey(settings); !key.isEmpty())
        profile.setSalesforceConsumerKey(key);
    return ProductionConfig::fromSetup(profile, crm->system, crm->url,
                                       CrmPage::savedFieldNames(settings, crm->system));
}

void SetupWizard::done(int result)
{
    if (result == QDialog::Accepted) {
        m_settings->setValue(QStringLiteral("setup/completed"), true);
        qCInfo(lcUi) << "setup wizard finished";
    } else {
        // Cancelled: stop what the wizard started; choices made so far stay saved.
        m_session->cancelSignIns();
        m_listener->stop();
        if (m_firstSync->isRunning() && currentId() != Done)
            m_firstSync->cancel();
    }
    QWizard::done(result);
}

} // namespace cosell
