// SPDX-License-Identifier: MIT
#pragma once

#include "core/setup/productionconfig.h"
#include "core/setup/setupsession.h"

#include <optional>

#include <QWizard>

class QSettings;

namespace cosell {

class FirstSyncRunner;
class SecretStore;
class WebhookListener;

// The setup wizard: from nothing to a running sync in eight pages (issue 7). The pages are
// thin; what they check for real is done by SetupSession, WebhookListener and
// FirstSyncRunner in core/setup. Choices (not secrets) are kept in `settings` under
// "setup/"; refresh tokens go to the SecretStore. The first sync's engine keeps running in
// the background while the wizard object lives. GUI thread.
class SetupWizard final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SetupWizard)

public:
    enum PageId { Welcome, PartnerCenter, Crm, Webhook, WebhookTest, Mapping, FirstSync, Done };
    Q_ENUM(PageId)

    struct Options
    {
        SetupProfile profile = SetupProfile::production();
        QString cachePath; // the cache the webhook inbox and the sync write to
        SecretStore *secrets = nullptr; // not owned; nullptr = memory only
        // How sign-ins open the authorize page; empty = the system browser.
        SetupSession::OpenBrowser browser;
        // Demo: every page starts its check on its own, so a newcomer only clicks Next.
        bool autoRun = false;
    };

    // settings: not owned, must outlive the wizard.
    SetupWizard(Options options, QSettings *settings, QWidget *parent = nullptr);
    ~SetupWizard() override;

    SetupSession &session() { return *m_session; }
    WebhookListener &listener() { return *m_listener; }
    FirstSyncRunner &firstSync() { return *m_firstSync; }
    QSettings &settings() { return *m_settings; }
    const Options &options() const { return m_options; }
    bool autoRun() const { return m_options.autoRun; }
    SetupSession::OpenBrowser browser() const;

    // "setup/completed" in the settings: the first start opens the wizard until it is set.
    static bool isSetupCompleted(const QSettings &settings);
    // What the wizard chose (CRM, address, client ids, field names) against `profile`'s
    // endpoints, for the console's engine; nullopt before a CRM was chosen. The secrets
    // location is left at its default: the caller knows where the wizard's store is.
    static std::optional<ProductionConfig> savedProductionConfig(const QSettings &settings,
                                                                 SetupProfile profile);

Q_SIGNALS:
    // The Mapping page's link: show the mapping editor of the main window.
    void openMappingEditorRequested();

protected:
    void done(int result) override;

private:
    Options m_options;
    QSettings *m_settings;
    SetupSession *m_session;
    WebhookListener *m_listener;
    FirstSyncRunner *m_firstSync;
};

} // namespace cosell
