// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/crmsystem.h"

#include <optional>

#include <QHash>
#include <QUrl>
#include <QWizardPage>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;

namespace cosell {

class SetupWizard;

// Page 3: Dynamics 365 or Salesforce, the instance URL, sign-in, and the schema check: each
// custom field the sync needs, present or missing, with names editable for customised CRMs.
// Salesforce also needs the consumer key of the organisation's connected app (kept in
// settings, read-only in the demo); Dynamics 365 uses the Partner Center page's Entra app.
class CrmPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CrmPage)

public:
    explicit CrmPage(SetupWizard &wizard);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    void signIn();
    void checkFields();
    static QString fieldLabel(const QString &role);

    struct SavedCrm
    {
        CrmSystem system;
        QUrl url;
    };
    // The CRM this page last connected (saved when the admin went on), for the console's
    // record links; nullopt before the page was passed once.
    static std::optional<SavedCrm> savedCrm(const QSettings &settings);
    // The field names the admin kept for `system`, by role (empty before the page was passed).
    static QHash<QString, QString> savedFieldNames(const QSettings &settings, CrmSystem system);
    // The consumer key of the organisation's connected app; empty in the demo.
    static QString savedConsumerKey(const QSettings &settings);

private:
    CrmSystem system() const;
    void onSystemChanged();
    void applySession();
    void invalidateCheck();
    void setBusy(bool busy);

    SetupWizard &m_wizard;
    QComboBox *m_system;
    QFormLayout *m_form;
    QLabel *m_urlLabel;
    QLineEdit *m_url;
    QLineEdit *m_consumerKey; // Salesforce only

    QPushButton *m_signIn;
    QLabel *m_status;
    QPushButton *m_check;
    QLabel *m_schemaStatus;
    QHash<QString, QLineEdit *> m_names; // by role
    QHash<QString, QLabel *> m_fieldStates; // by role
    bool m_signedIn = false;
    bool m_schemaOk = false;
    quint64 m_run = 0;
};

} // namespace cosell
