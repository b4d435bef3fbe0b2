// SPDX-License-Identifier: MIT
#include "core/sync/syncengine.h"

#include "core/sync/logging.h"

namespace cosell {

SyncEngine::SyncEngine(QObject *parent)
    : QObject(parent)
{ }

SyncEngine::~SyncEngine() = default;

QString SyncEngine::toString(State state)
{
    switch (state) {
    case State::Stopped:
        return QStringLiteral("stopped");
    case State::Idle:
        return QStringLiteral("idle");
    case State::Syncing:
        return QStringLiteral("syncing");
    case State::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("unknown");
}

void SyncEngine::start()
{
    if (m_state != State::Stopped)
        return;
    qCInfo(lcSync) << "engine started";
    setState(State::Idle);
}

void SyncEngine::stop()
{
    if (m_state == State::Stopped)
        return;
    qCInfo(lcSync) << "engine stopped";
    setState(State::Stopped);
}

void SyncEngine::syncNow()
{
    if (m_state == State::Stopped)
        return;
    // Nothing to reconcile yet: an empty pass, so the UI sees the cycle it will see later.
    setState(State::Syncing);
    Q_EMIT progress(0, 0);
    setState(State::Idle);
}

void SyncEngine::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace cosell
