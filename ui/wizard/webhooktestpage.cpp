// SPDX-License-Identifier: MIT
#include "ui/wizard/webhooktestpage.h"

#include "core/setup/setupsession.h"
#include "core/webhook/webhooklistener.h"
#include "ui/widgets/localetime.h"
#include "ui/wizard/setupwizard.h"
#include "ui/wizard/wizardtext.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>

namespace cosell {

WebhookTestPage::WebhookTestPage(SetupWizard &wizard)
    : QWizardPage(&wizard)
    , m_wizard(wizard)
    , m_send(new QPushButton(tr("Send a test event"), this))
    , m_status(new QLabel(this))
    , m_causes(new QLabel(this))
    , m_skip(new QCheckBox(tr("Go on without webhooks for now (the periodic sweep still syncs)"),
                           this))
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("webhookTestPage"));
    setTitle(tr("Test the webhook"));
    setSubTitle(
        tr("Partner Center sends a test event to the public URL; this page shows it arrive."));
    m_send->setObjectName(QStringLiteral("webhookTestSendButton"));
    m_status->setObjectName(QStringLiteral("webhookTestStatus"));
    m_causes->setObjectName(QStringLiteral("webhookTestCauses"));
    m_skip->setObjectName(QStringLiteral("webhookTestSkipCheck"));
    m_status->setWordWrap(true);
    m_status->hide();
    m_causes->setWordWrap(true);
    m_causes->setTextFormat(Qt::RichText);
    m_causes->hide();
    m_timer->setSingleShot(true);

    auto *row = new QHBoxLayout;
    row->addWidget(m_send);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_status);
    layout->addWidget(m_causes);
    layout->addStretch(1);
    layout->addWidget(m_skip);

    connect(m_send, &QPushButton::clicked, this, &WebhookTestPage::sendTestEvent);
    connect(m_skip, &QCheckBox::toggled, this, &WebhookTestPage::completeChanged);
    connect(m_timer, &QTimer::timeout, this, &WebhookTestPage::onTimeout);
    connect(&wizard.listener(), &WebhookListener::validationEventReceived, this,
            [this](const QString &correlationId, const QDateTime &) { onArrived(correlationId); });
    connect(&wizard.listener(), &WebhookListener::requestRefused, this, [this] { ++m_refused; });
}

void WebhookTestPage::initializePage()
{
    if (m_wizard.autoRun() && !m_arrived && !m_waiting)
        sendTestEvent();
}

void WebhookTestPage::cleanupPage()
{
    m_timer->stop();
    m_waiting = false;
    ++m_run;
    m_send->setEnabled(true);
}

bool WebhookTestPage::isComplete() const
{
    return m_arrived || m_skip->isChecked();
}

void WebhookTestPage::sendTestEvent()
{
    const quint64 run = ++m_run;
    m_arrived = false;
    m_refused = 0;
    m_correlationId.clear();
    Q_EMIT completeChanged();
    m_causes->hide();
    m_send->setEnabled(false);
    m_waiting = true;
    WizardText::showStatus(m_status, WizardText::State::Busy,
                           tr("Asking Partner Center to send the test event…"));
    m_wizard.session().sendValidationEvent([this, run](Result<QString> correlationId) {
        if (run != m_run)
            return;
        if (!correlationId) {
            m_waiting = false;
            m_send->setEnabled(true);
            WizardText::showStatus(m_status, WizardText::State::Failed,
                                   WizardText::webhookError(correlationId.error()));
            return;
        }
        if (m_arrived)
            return; // faster than the answer
        m_correlationId = correlationId.value();
        const int seconds = qMax(1, m_wizard.session().profile().validationTimeoutMs / 1000);
        WizardText::showStatus(
            m_status, WizardText::State::Busy,
            tr("Sent. Waiting up to %n second(s) for it to arrive…", nullptr, seconds));
        m_timer->start(m_wizard.session().profile().validationTimeoutMs);
    });
}

void WebhookTestPage::onArrived(const QString &correlationId)
{
    if (!m_waiting)
        return;
    if (!m_correlationId.isEmpty() && !correlationId.isEmpty() && correlationId != m_correlationId)
        return; // an older test event
    m_timer->stop();
    m_waiting = false;
    m_arrived = true;
    m_send->setEnabled(true);
    m_causes->hide();
    WizardText::showStatus(
        m_status, WizardText::State::Ok,
        tr("The test event arrived at %1 and its signature checked out. Webhooks work.")
            .arg(LocaleTime::shortTime(QTime::currentTime())));
    Q_EMIT completeChanged();
}

void WebhookTestPage::onTimeout()
{
    m_waiting = false;
    ++m_run;
    m_send->setEnabled(true);
    WizardText::showStatus(m_status, WizardText::State::Failed,
                           tr("The test event did not arrive in time."));
    QStringList causes {
        tr("The public URL does not reach this computer: check the DNS name, the reverse proxy and "
           "the firewall (inbound HTTPS)."),
        tr("The reverse proxy forwards to another address or port than the receiver listens on."),
        tr("The registration points to another URL: go back one page and register again."),
        tr("Partner Center is slow to deliver: wait a minute and send the test event again.")};
    if (m_refused > 0)
        causes.prepend(
            tr("The receiver refused %n request(s): the signature or the certificate did not "
               "check out. Check the computer's clock and the trusted certificates.",
               nullptr, m_refused));
    m_causes->setText(tr("Likely causes:") + WizardText::bulletList(causes));
    m_causes->show();
}

} // namespace cosell
