// SPDX-License-Identifier: MIT
#include "ui/wizard/crmpage.h"

#include "core/setup/setupsession.h"
#include "ui/wizard/setupwizard.h"
#include "ui/wizard/wizardtext.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace cosell {

namespace {

const auto systemKey = QLatin1String("setup/crmSystem");
const auto urlKey = QLatin1String("setup/crmUrl");
const auto consumerKeyKey = QLatin1String("setup/salesforceConsumerKey");

QString fieldNameKey(CrmSystem system, const QString &role)
{
    return QStringLiteral("setup/fieldNames/%1/%2").arg(toString(system), role);
}

} // namespace

QString CrmPage::fieldLabel(const QString &role)
{
    if (role == u"syncwithpartnercenter")
        return tr("Sync with Partner Center");
    if (role == u"referralidentifier")
        return tr("Referral Identifier");
    if (role == u"referrallink")
        return tr("Referral Link");
    if (role == u"howcanmicrosofthelp")
        return tr("How can Microsoft help?");
    if (role == u"referralvisibility")
        return tr("Referral Visibility");
    if (role == u"microsoftcrmidentifier")
        return tr("Microsoft CRM Identifier");
    if (role == u"products")
        return tr("Products");
    if (role == u"audit")
        return tr("Audit");
    return role;
}

CrmPage::CrmPage(SetupWizard &wizard)
    : QWizardPage(&wizard)
    , m_wizard(wizard)
    , m_system(new QComboBox(this))
    , m_form(new QFormLayout)
    , m_urlLabel(new QLabel(this))
    , m_url(new QLineEdit(this))
    , m_consumerKey(new QLineEdit(this))
    , m_signIn(new QPushButton(tr("Sign in to the CRM"), this))
    , m_status(new QLabel(this))
    , m_check(new QPushButton(tr("Check fields again"), this))
    , m_schemaStatus(new QLabel(this))
{
    setObjectName(QStringLiteral("crmPage"));
    setTitle(tr("CRM"));
    setSubTitle(tr("Choose your CRM, sign in, and check the custom fields the sync needs on the "
                   "opportunity."));
    m_system->setObjectName(QStringLiteral("crmSystemCombo"));
    m_url->setObjectName(QStringLiteral("crmUrlEdit"));
    m_consumerKey->setObjectName(QStringLiteral("crmConsumerKeyEdit"));
    m_consumerKey->setToolTip(tr("Salesforce Setup › App Manager › your connected app › View › "
                                 "Manage Consumer Details."));
    m_signIn->setObjectName(QStringLiteral("crmSignInButton"));
    m_status->setObjectName(QStringLiteral("crmStatus"));
    m_check->setObjectName(QStringLiteral("crmCheckButton"));
    m_schemaStatus->setObjectName(QStringLiteral("crmSchemaStatus"));
    m_system->addItem(tr("Dynamics 365"), int(CrmSystem::Dynamics));
    m_system->addItem(tr("Salesforce"), int(CrmSystem::Salesforce));
    for (QLabel *l : {m_status, m_schemaStatus}) {
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        l->hide();
    }

    m_form->addRow(tr("CRM:"), m_system);
    m_form->addRow(m_urlLabel, m_url);
    m_form->addRow(tr("Consumer key (connected app):"), m_consumerKey);
    auto *signInRow = new QHBoxLayout;
    signInRow->addWidget(m_signIn);
    signInRow->addStretch(1);

    auto *fieldsBox = new QGroupBox(tr("Custom fields on the opportunity"), this);
    fieldsBox->setObjectName(QStringLiteral("crmFieldsBox"));
    auto *grid = new QGridLayout(fieldsBox);
    grid->setColumnStretch(1, 1);
    const QList<SetupField> fields = requiredSetupFields(CrmSystem::Dynamics);
    for (int row = 0; row < fields.size(); ++row) {
        const QString role = fields.at(row).role;
        auto *edit = new QLineEdit(fieldsBox);
        edit->setObjectName(QStringLiteral("crmField_") + role);
        auto *state = new QLabel(fieldsBox);
        state->setObjectName(QStringLiteral("crmFieldState_") + role);
        state->setMinimumWidth(90);
        grid->addWidget(new QLabel(fieldLabel(role), fieldsBox), row, 0);
        grid->addWidget(edit, row, 1);
        grid->addWidget(state, row, 2);
        m_names.insert(role, edit);
        m_fieldStates.insert(role, state);
        connect(edit, &QLineEdit::textEdited, this, &CrmPage::invalidateCheck);
    }
    auto *checkRow = new QHBoxLayout;
    checkRow->addWidget(m_check);
    checkRow->addStretch(1);
    grid->addLayout(checkRow, int(fields.size()), 0, 1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addLayout(signInRow);
    layout->addWidget(m_status);
    layout->addWidget(fieldsBox);
    layout->addWidget(m_schemaStatus);
    layout->addStretch(1);

    const QSettings &settings = wizard.settings();
    // The demo's sandbox knows only its own connected app; a real one's key is remembered.
    const SetupProfile &profile = wizard.session().profile();
    if (profile.demo) {
        m_consumerKey->setText(profile.salesforceConsumerKey());
        m_consumerKey->setReadOnly(true);
    } else {
        const QString saved = savedConsumerKey(settings);
        m_consumerKey->setText(saved.isEmpty() ? profile.salesforceConsumerKey() : saved);
    }
    const bool salesforce = settings.value(systemKey).toString() == u"salesforce";
    m_system->setCurrentIndex(salesforce ? 1 : 0);
    onSystemChanged();
    if (const QString url = settings.value(urlKey).toString();
        !url.isEmpty() && !wizard.options().profile.demo)
        m_url->setText(url);

    connect(m_system, &QComboBox::currentIndexChanged, this, &CrmPage::onSystemChanged);
    for (QLineEdit *edit : {m_url, m_consumerKey}) {
        connect(edit, &QLineEdit::textEdited, this, [this] {
            m_signedIn = false;
            invalidateCheck();
        });
    }
    connect(m_signIn, &QPushButton::clicked, this, &CrmPage::signIn);
    connect(m_check, &QPushButton::clicked, this, &CrmPage::checkFields);
}

CrmSystem CrmPage::system() const
{
    return CrmSystem(m_system->currentData().toInt());
}

void CrmPage::onSystemChanged()
{
    ++m_run;
    const CrmSystem s = system();
    const SetupProfile &profile = m_wizard.session().profile();
    const bool dynamics = s == CrmSystem::Dynamics;
    m_urlLabel->setText(dynamics ? tr("Organization URL:") : tr("Login URL:"));
    m_url->setPlaceholderText(dynamics ? QStringLiteral("https://contoso.crm.dynamics.com")
                                       : QStringLiteral("https://login.salesforce.com"));
    const QUrl url = dynamics ? profile.defaultDynamicsUrl : profile.defaultSalesforceLoginUrl;
    m_url->setText(url.toString());
    m_form->setRowVisible(m_consumerKey, !dynamics);
    for (const SetupField &f : requiredSetupFields(s)) {
        const QString saved = m_wizard.settings().value(fieldNameKey(s, f.role)).toString();
        m_names.value(f.role)->setText(saved.isEmpty() ? f.defaultName : saved);
    }
    m_signedIn = false;
    WizardText::showStatus(m_status, WizardText::State::Idle, QString());
    setBusy(false);
    invalidateCheck();
}

void CrmPage::invalidateCheck()
{
    m_schemaOk = false;
    for (QLabel *state : std::as_const(m_fieldStates))
        WizardText::showStatus(state, WizardText::State::Idle, QString());
    WizardText::showStatus(m_schemaStatus, WizardText::State::Idle, QString());
    m_check->setEnabled(m_signedIn);
    Q_EMIT completeChanged();
}

void CrmPage::applySession()
{
    QHash<QString, QString> names;
    for (auto it = m_names.cbegin(); it != m_names.cend(); ++it)
        names.insert(it.key(), it.value()->text().trimmed());
    SetupSession &session = m_wizard.session();
    session.setCrm(system(), QUrl::fromUserInput(m_url->text().trimmed()));
    session.setFieldNames(names);
}

void CrmPage::initializePage()
{
    if (m_wizard.autoRun() && !m_signedIn && m_signIn->isEnabled())
        signIn();
}

bool CrmPage::isComplete() const
{
    return m_signedIn && m_schemaOk;
}

std::optional<CrmPage::SavedCrm> CrmPage::savedCrm(const QSettings &settings)
{
    const auto system = crmSystemFromString(settings.value(systemKey).toString());
    // Read as the session took it when the admin signed in.
    const QUrl url = QUrl::fromUserInput(settings.value(urlKey).toString().trimmed());
    if (!system || !url.isValid() || url.isRelative())
        return std::nullopt;
    return SavedCrm {*system, url};
}

QHash<QString, QString> CrmPage::savedFieldNames(const QSettings &settings, CrmSystem system)
{
    QHash<QString, QString> names;
    for (const SetupField &f : requiredSetupFields(system)) {
        const QString name = settings.value(fieldNameKey(system, f.role)).toString().trimmed();
        if (!name.isEmpty())
            names.insert(f.role, name);
    }
    return names;
}

QString CrmPage::savedConsumerKey(const QSettings &settings)
{
    return settings.value(consumerKeyKey).toString().trimmed();
}

bool CrmPage::validatePage()
{
    QSettings &settings = m_wizard.settings();
    settings.setValue(systemKey, toString(system()));
    settings.setValue(urlKey, m_url->text().trimmed());
    for (auto it = m_names.cbegin(); it != m_names.cend(); ++it)
        settings.setValue(fieldNameKey(system(), it.key()), it.value()->text().trimmed());
    return isComplete();
}

void CrmPage::setBusy(bool busy)
{
    m_signIn->setEnabled(!busy);
    m_system->setEnabled(!busy);
    m_url->setEnabled(!busy);
    m_consumerKey->setEnabled(!busy);
    m_check->setEnabled(!busy && m_signedIn);
}

void CrmPage::signIn()
{
    const QUrl url = QUrl::fromUserInput(m_url->text().trimmed());
    if (m_url->text().trimmed().isEmpty() || !url.isValid()) {
        WizardText::showStatus(m_status, WizardText::State::Failed,
                               tr("Enter the address of your CRM first, for example %1.")
                                   .arg(m_url->placeholderText()));
        return;
    }
    const QString consumerKey = m_consumerKey->text().trimmed();
    if (system() == CrmSystem::Salesforce && consumerKey.isEmpty()) {
        WizardText::showStatus(m_status, WizardText::State::Failed,
                               tr("Enter the consumer key of your Salesforce connected app first "
                                  "(Setup › App Manager › your app › View › Manage Consumer "
                                  "Details)."));
        m_consumerKey->setFocus();
        return;
    }
    const quint64 run = ++m_run;
    m_signedIn = false;
    invalidateCheck();
    applySession();
    if (system() == CrmSystem::Salesforce) {
        if (!m_wizard.session().profile().demo)
            m_wizard.settings().setValue(consumerKeyKey, consumerKey);
        m_wizard.session().setSalesforceConsumerKey(consumerKey);
    }
    setBusy(true);
    WizardText::showStatus(m_status, WizardText::State::Busy,
                           tr("Waiting for the sign-in in the browser…"));
    m_wizard.session().signInCrm(m_wizard.browser(), [this, run](Status status) {
        if (run != m_run)
            return;
        setBusy(false);
        if (!status) {
            WizardText::showStatus(m_status, WizardText::State::Failed,
                                   WizardText::signInError(status.error()));
            return;
        }
        m_signedIn = true;
        const QString account = m_wizard.session().crmAccount();
        WizardText::showStatus(m_status, WizardText::State::Ok,
                               account.isEmpty() ? tr("Signed in.")
                                                 : tr("Signed in as %1.").arg(account));
        checkFields();
    });
}

void CrmPage::checkFields()
{
    const quint64 run = ++m_run;
    invalidateCheck();
    applySession();
    setBusy(true);
    WizardText::showStatus(m_schemaStatus, WizardText::State::Busy, tr("Checking the fields…"));
    m_wizard.session().checkSchema([this, run](Result<CrmSchemaReport> report) {
        if (run != m_run)
            return;
        setBusy(false);
        if (!report) {
            WizardText::showStatus(m_schemaStatus, WizardText::State::Failed,
                                   WizardText::crmError(report.error()));
            return;
        }
        QStringList missingLabels;
        for (auto it = m_names.cbegin(); it != m_names.cend(); ++it) {
            const QString name = it.value()->text().trimmed();
            const bool missing = report->missing.contains(name, Qt::CaseInsensitive);
            WizardText::showStatus(m_fieldStates.value(it.key()),
                                   missing ? WizardText::State::Failed : WizardText::State::Ok,
                                   missing ? tr("missing") : tr("present"));
            if (missing)
                missingLabels << fieldLabel(it.key());
        }
        m_schemaOk = report->ok() && missingLabels.isEmpty();
        if (m_schemaOk) {
            WizardText::showStatus(m_schemaStatus, WizardText::State::Ok,
                                   tr("All custom fields are present."));
        } else {
            missingLabels.sort();
            WizardText::showStatus(m_schemaStatus, WizardText::State::Failed,
                                   tr("Missing on the opportunity: %1.\nAdd these fields in the "
                                      "CRM (the Partner Center "
                                      "co-sell solution creates them), or, if your CRM names them "
                                      "differently, type its "
                                      "names above and check again.")
                                       .arg(missingLabels.join(QStringLiteral(", "))));
        }
        Q_EMIT completeChanged();
    });
}

} // namespace cosell
