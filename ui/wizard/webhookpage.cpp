// SPDX-License-Identifier: MIT
#include "ui/wizard/webhookpage.h"

#include "core/setup/setupsession.h"
#include "core/webhook/webhooklistener.h"
#include "ui/wizard/setupwizard.h"
#include "ui/wizard/wizardtext.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace cosell {

namespace {

const auto publicUrlKey = QLatin1String("setup/webhookPublicUrl");
const auto listenKey = QLatin1String("setup/webhookListen");
const auto eventsKey = QLatin1String("setup/webhookEvents");

QString eventLabel(const QString &event)
{
    if (event == u"referral-created")
        return WebhookPage::tr("A referral is created (referral-created)");
    if (event == u"referral-updated")
        return WebhookPage::tr("A referral is updated (referral-updated)");
    if (event == u"related-referral-created")
        return WebhookPage::tr("A related referral is created (related-referral-created)");
    if (event == u"related-referral-updated")
        return WebhookPage::tr("A related referral is updated (related-referral-updated)");
    return event;
}

} // namespace

WebhookPage::WebhookPage(SetupWizard &wizard)
    : QWizardPage(&wizard)
    , m_wizard(wizard)
    , m_listen(new QLineEdit(this))
    , m_listenButton(new QPushButton(tr("Listen"), this))
    , m_listenStatus(new QLabel(this))
    , m_publicUrl(new QLineEdit(this))
    , m_current(new QLabel(this))
    , m_overwrite(new QCheckBox(tr("Overwrite the existing registration"), this))
    , m_register(new QPushButton(tr("Register the webhook"), this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("webhookPage"));
    setTitle(tr("Webhook"));
    setSubTitle(
        tr("Partner Center calls this console when a referral changes. Without a webhook the "
           "sync still works, a little later, through the periodic sweep."));
    m_listen->setObjectName(QStringLiteral("webhookListenEdit"));
    m_listenButton->setObjectName(QStringLiteral("webhookListenButton"));
    m_listenStatus->setObjectName(QStringLiteral("webhookListenStatus"));
    m_publicUrl->setObjectName(QStringLiteral("webhookPublicUrlEdit"));
    m_current->setObjectName(QStringLiteral("webhookCurrentRegistration"));
    m_overwrite->setObjectName(QStringLiteral("webhookOverwriteCheck"));
    m_register->setObjectName(QStringLiteral("webhookRegisterButton"));
    m_status->setObjectName(QStringLiteral("webhookStatus"));
    for (QLabel *l : {m_listenStatus, m_current, m_status}) {
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_status->hide();
    m_publicUrl->setPlaceholderText(QStringLiteral("https://sync.contoso.com/pc/webhook"));

    const SetupProfile &profile = wizard.session().profile();
    const QSettings &settings = wizard.settings();
    const QString defaultListen =
        QStringLiteral("%1:%2").arg(profile.listenAddress.toString()).arg(profile.listenPort);
    m_listen->setText(profile.demo ? defaultListen
                                   : settings.value(listenKey, defaultListen).toString());
    if (!profile.demo)
        m_publicUrl->setText(
            settings.value(publicUrlKey, profile.defaultPublicWebhookUrl.toString()).toString());
    m_publicUrlEdited = !m_publicUrl->text().isEmpty();

    auto *listenRow = new QHBoxLayout;
    listenRow->addWidget(m_listen, 1);
    listenRow->addWidget(m_listenButton);
    auto *form = new QFormLayout;
    form->addRow(tr("Listen on (address:port):"), listenRow);
    form->addRow(m_listenStatus);
    form->addRow(tr("Public URL:"), m_publicUrl);

    auto *eventsBox = new QGroupBox(tr("Events to register"), this);
    auto *eventsLayout = new QVBoxLayout(eventsBox);
    const QStringList saved = settings.value(eventsKey, defaultWebhookEvents()).toStringList();
    for (const QString &event : offeredWebhookEvents()) {
        auto *box = new QCheckBox(eventLabel(event), eventsBox);
        box->setObjectName(QStringLiteral("webhookEvent_") + event);
        box->setChecked(saved.contains(event));
        eventsLayout->addWidget(box);
        m_events.insert(event, box);
    }
    auto *note =
        new QLabel(tr("The test event (test-created) is always registered, so the next page can "
                      "check that events arrive."),
                   eventsBox);
    note->setWordWrap(true);
    eventsLayout->addWidget(note);

    auto *currentBox = new QGroupBox(tr("Registered in Partner Center now"), this);
    auto *currentLayout = new QVBoxLayout(currentBox);
    currentLayout->addWidget(m_current);
    currentLayout->addWidget(m_overwrite);

    auto *registerRow = new QHBoxLayout;
    registerRow->addWidget(m_register);
    registerRow->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(eventsBox);
    layout->addWidget(currentBox);
    layout->addLayout(registerRow);
    layout->addWidget(m_status);
    layout->addStretch(1);

    connect(m_listenButton, &QPushButton::clicked, this, &WebhookPage::startListening);
    connect(m_register, &QPushButton::clicked, this, &WebhookPage::registerWebhook);
    connect(m_publicUrl, &QLineEdit::textEdited, this, [this] {
        m_publicUrlEdited = true;
        m_registered = false;
        Q_EMIT completeChanged();
    });
}

void WebhookPage::initializePage()
{
    if (!m_wizard.listener().isListening())
        startListening();
    loadRegistration();
}

bool WebhookPage::isComplete() const
{
    return m_registered;
}

bool WebhookPage::validatePage()
{
    QSettings &settings = m_wizard.settings();
    settings.setValue(listenKey, m_listen->text().trimmed());
    settings.setValue(publicUrlKey, m_publicUrl->text().trimmed());
    settings.setValue(eventsKey, checkedEvents());
    return isComplete();
}

QStringList WebhookPage::checkedEvents() const
{
    QStringList events;
    for (const QString &event : offeredWebhookEvents()) {
        if (m_events.value(event)->isChecked())
            events << event;
    }
    return events;
}

void WebhookPage::startListening()
{
    const quint64 run = ++m_listenRun;
    const QString text = m_listen->text().trimmed();
    const qsizetype colon = text.lastIndexOf(u':');
    bool portOk = false;
    const uint port = colon > 0 ? text.mid(colon + 1).toUInt(&portOk) : 0;
    const QHostAddress address(colon > 0 ? text.left(colon) : text);
    if (address.isNull() || !portOk || port > 65535) {
        WizardText::showStatus(m_listenStatus, WizardText::State::Failed,
                               tr("Type an address and a port, for example 127.0.0.1:8443 (port 0 "
                                  "picks a free one)."));
        return;
    }
    m_listenButton->setEnabled(false);
    WizardText::showStatus(m_listenStatus, WizardText::State::Busy, tr("Starting the receiver…"));
    SetupSession &session = m_wizard.session();
    session.fetchTrustAnchor([this, run, address, port, &session](Result<QByteArray> anchor) {
        if (run != m_listenRun)
            return;
        if (!anchor) {
            m_listenButton->setEnabled(true);
            WizardText::showStatus(m_listenStatus, WizardText::State::Failed,
                                   WizardText::webhookError(anchor.error()));
            return;
        }
        WebhookReceiver::Options options;
        options.address = address;
        options.port = quint16(port);
        options.trust = session.profile().trust;
        if (!anchor->isEmpty())
            options.trust.extraTrustAnchorsPem = anchor.value();
        m_wizard.listener().start(
            options, m_wizard.options().cachePath, [this, run](Result<QUrl> url) {
                if (run != m_listenRun)
                    return;
                m_listenButton->setEnabled(true);
                if (!url) {
                    WizardText::showStatus(
                        m_listenStatus, WizardText::State::Failed,
                        tr("The receiver cannot listen there: %1\nChoose another port, or "
                           "stop the program that uses it.")
                            .arg(WizardText::detail(url.error())));
                    return;
                }
                WizardText::showStatus(m_listenStatus, WizardText::State::Ok,
                                       tr("Listening on %1").arg(url->toString()));
                if (!m_publicUrlEdited)
                    m_publicUrl->setText(url->toString());
                maybeAutoRegister();
            });
    });
}

void WebhookPage::loadRegistration()
{
    m_registrationLoaded = false;
    m_current->setText(tr("Reading the current registration…"));
    m_wizard.session().currentRegistration(
        [this](Result<std::optional<WebhookRegistration>> current) {
            if (!current) {
                m_current->setText(WizardText::webhookError(current.error()));
                return;
            }
            m_registrationLoaded = true;
            m_hasRegistration = current->has_value();
            if (!m_hasRegistration) {
                m_current->setText(tr("Nothing is registered yet."));
            } else {
                const WebhookRegistration &r = **current;
                m_current->setText(
                    tr("URL: %1\nEvents: %2")
                        .arg(r.webhookUrl.toString(), r.webhookEvents.join(QStringLiteral(", "))));
            }
            m_overwrite->setEnabled(m_hasRegistration);
            m_overwrite->setChecked(false);
            maybeAutoRegister();
        });
}

void WebhookPage::maybeAutoRegister()
{
    if (!m_wizard.autoRun() || m_registered || !m_registrationLoaded
        || !m_wizard.listener().isListening())
        return;
    m_overwrite->setChecked(m_hasRegistration);
    registerWebhook();
}

void WebhookPage::registerWebhook()
{
    const QUrl url(m_publicUrl->text().trimmed(), QUrl::StrictMode);
    const bool demo = m_wizard.session().profile().demo;
    if (!url.isValid() || url.host().isEmpty() || (!demo && url.scheme() != u"https")) {
        WizardText::showStatus(
            m_status, WizardText::State::Failed,
            tr("Type the public URL that reaches this receiver, starting with https://. "
               "Partner Center calls only https addresses; a reverse proxy forwards them "
               "to the listen address above."));
        return;
    }
    if (m_hasRegistration && !m_overwrite->isChecked()) {
        WizardText::showStatus(
            m_status, WizardText::State::Failed,
            tr("A webhook is already registered (shown above). Tick \"Overwrite the "
               "existing registration\" to replace it."));
        return;
    }
    const quint64 run = ++m_run;
    m_registered = false;
    Q_EMIT completeChanged();
    m_register->setEnabled(false);
    WizardText::showStatus(m_status, WizardText::State::Busy, tr("Registering…"));
    m_wizard.session().registerWebhook(
        url, checkedEvents(), [this, run](Result<WebhookRegistration> r) {
            if (run != m_run)
                return;
            m_register->setEnabled(true);
            if (!r) {
                WizardText::showStatus(m_status, WizardText::State::Failed,
                                       WizardText::webhookError(r.error()));
                return;
            }
            m_registered = true;
            m_hasRegistration = true;
            m_overwrite->setEnabled(true);
            m_current->setText(
                tr("URL: %1\nEvents: %2")
                    .arg(r->webhookUrl.toString(), r->webhookEvents.join(QStringLiteral(", "))));
            WizardText::showStatus(
                m_status, WizardText::State::Ok,
                tr("Registered. Partner Center now calls %1.").arg(r->webhookUrl.toString()));
            Q_EMIT completeChanged();
        });
}

} // namespace cosell
