// SPDX-License-Identifier: MIT
#pragma once

#include "app/syncd/syncdwebhook.h"
#include "core/setup/productionbackend.h"
#include "core/sync/syncdapp.h"

#include <optional>

namespace cosell {

// The backend of `cosell-syncd` against the real tenants (no --demo): its config file read
// (exit 78 when wrong), then core's ProductionBackend, whose refused sign-in is exit 77
// (Error::Kind::Unauthorized) with a message that says what to do. A refresh token refused
// later, while syncing, is signInLost (connect it to SyncdApp::signInLost: exit 77 too).
class SyncdBackend final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncdBackend)

public:
    SyncdBackend() = default;

    void start(const SyncdOptions &options, SyncdApp::BackendCallback done);
    // The [webhook] section, read (and checked: exit 78) by start().
    const std::optional<SyncdWebhook::Config> &webhook() const { return m_webhook; }

Q_SIGNALS:
    // In this object's thread, whichever thread the refused refresh ran in.
    void signInLost(const QString &message);

private:
    ProductionBackend m_backend;
    std::optional<SyncdWebhook::Config> m_webhook;
};

} // namespace cosell
