// SPDX-License-Identifier: MIT
#pragma once

#include "core/util/result.h"

#include <functional>

#include <QByteArray>
#include <QObject>
#include <QString>

namespace cosell {

// Where refresh tokens and client secrets live: the OS keychain by default
// (KeychainSecretStore), a 0600 file where none exists (FileSecretStore), memory in tests.
// Asynchronous like the keychain itself: callbacks run later on the caller's thread (never
// inside the call) and only while `context` lives. Secrets never reach logs or settings.
class SecretStore
{
public:
    using ReadCallback = std::function<void(Result<QByteArray>)>; // NotFound when absent
    using WriteCallback = std::function<void(Status)>;

    virtual ~SecretStore() = default;

    virtual void read(const QString &key, QObject *context, ReadCallback done) = 0;
    virtual void write(const QString &key, const QByteArray &secret, QObject *context,
                       WriteCallback done) = 0;
    // Removing an absent key succeeds.
    virtual void remove(const QString &key, QObject *context, WriteCallback done) = 0;
    // For the settings page and the log: "OS keychain", "file ~/.local/...", "memory".
    virtual QString description() const = 0;
};

} // namespace cosell
