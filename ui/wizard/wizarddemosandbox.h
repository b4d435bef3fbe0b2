// SPDX-License-Identifier: MIT
#pragma once

#include "core/setup/setupprofile.h"
#include "core/setup/setupsession.h"

#include <memory>

#include <QNetworkAccessManager>
#include <QObject>

namespace cosell::sandbox {
class SandboxServer;
}

namespace cosell {

// The built-in sandbox behind `cosell-console --demo` and the wizard's UI tests: Partner
// Center, Entra ID, Dataverse and Salesforce on 127.0.0.1:<ephemeral> in this process,
// seeded with sample data, and a setup profile whose every endpoint points at it. The
// "browser" follows the sandbox's auto-consent authorize page to the loopback listener, so
// sign-ins need no real browser. GUI thread; must outlive every session using the profile.
class WizardDemoSandbox final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WizardDemoSandbox)

public:
    explicit WizardDemoSandbox(QObject *parent = nullptr);
    ~WizardDemoSandbox() override;

    // Listens and seeds `records` referrals and opportunities per system. False if it cannot.
    bool start(int records = 20);
    sandbox::SandboxServer &server() { return *m_server; }
    SetupProfile profile() const;
    SetupSession::OpenBrowser browser();

private:
    QUrl baseUrl(const QString &key) const;

    std::unique_ptr<sandbox::SandboxServer> m_server;
    QNetworkAccessManager m_browserNetwork;
};

} // namespace cosell
