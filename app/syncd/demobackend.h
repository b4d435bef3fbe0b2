// SPDX-License-Identifier: MIT
#pragma once

#include "core/sync/syncdapp.h"

#include <memory>

namespace cosell::sandbox {
class SandboxServer;
}

namespace cosell {

// The backend of `cosell-syncd --demo` (any syncing mode: --once, --dry-run, --daemon):
// the sandbox in-process on 127.0.0.1:<ephemeral>
// (main thread) seeded with referrals and Dynamics opportunities, and a factory that
// builds, in the engine's thread, the network, clients, sides and the SQLite store on the
// cache path. Tokens are minted by the sandbox itself (long-lived), standing in for the
// sign-ins a real deployment does. `server` must outlive every backend built.
class DemoBackend final
{
public:
    DemoBackend();
    ~DemoBackend();

    SyncdApp::BackendProvider provider();

private:
    Result<SyncBackendFactory> start(const SyncdOptions &options);

    std::unique_ptr<sandbox::SandboxServer> m_server;
};

} // namespace cosell
