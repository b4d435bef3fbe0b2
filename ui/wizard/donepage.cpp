// SPDX-License-Identifier: MIT
#include "ui/wizard/donepage.h"

#include "core/setup/setupsession.h"
#include "core/webhook/webhooklistener.h"
#include "ui/wizard/firstsyncpage.h"
#include "ui/wizard/setupwizard.h"
#include "ui/wizard/webhooktestpage.h"
#include "ui/wizard/wizardtext.h"

#include <QLabel>
#include <QSettings>
#include <QVBoxLayout>

namespace cosell {

DonePage::DonePage(SetupWizard &wizard)
    : QWizardPage(&wizard)
    , m_wizard(wizard)
    , m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("donePage"));
    setTitle(tr("Done"));
    setSubTitle(tr("Co-sell Sync is set up."));
    m_summary->setObjectName(QStringLiteral("doneSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addStretch(1);
}

void DonePage::initializePage()
{
    SetupSession &session = m_wizard.session();
    const QString crm =
        session.crmSystem() == CrmSystem::Salesforce ? tr("Salesforce") : tr("Dynamics 365");
    const QString account = session.partnerCenterAccount();
    const auto *test =
        qobject_cast<const WebhookTestPage *>(m_wizard.page(SetupWizard::WebhookTest));
    const auto *sync = qobject_cast<const FirstSyncPage *>(m_wizard.page(SetupWizard::FirstSync));
    const QString webhook =
        m_wizard.settings().value(QStringLiteral("setup/webhookPublicUrl")).toString();
    QStringList items {
        tr("Partner Center: signed in as %1.")
            .arg(account.isEmpty() ? tr("(unknown account)") : account),
        tr("CRM: %1 at %2, all custom fields present.").arg(crm, session.crmUrl().toString()),
        test && test->arrived()
            ? tr("Webhook: %1, test event received.").arg(webhook)
            : tr("Webhook: %1, not tested; the periodic sweep still syncs.").arg(webhook),
        tr("Field mapping: the default mapping for %1.").arg(crm),
        sync ? sync->resultText() : QString()};
    items.removeAll(QString());
    m_summary->setText(
        tr("What was set up:") + WizardText::bulletList(items)
        + tr("Click Finish to go to the console. You can run this wizard again from Settings."));
}

} // namespace cosell
