// SPDX-License-Identifier: MIT
#pragma once

#include "core/auth/secretstore.h"

namespace cosell {

// The OS keychain through QtKeychain (Secret Service / KWallet on Linux, Keychain on macOS,
// Credential Manager on Windows). Never falls back to plain-text storage by itself; use
// probe() to learn whether a keychain answers, and FileSecretStore where none does.
class KeychainSecretStore final : public SecretStore
{
public:
    // `service` groups our entries in the keychain, e.g. "org.cosell.Console".
    explicit KeychainSecretStore(QString service = QStringLiteral("org.cosell.Console"));

    void read(const QString &key, QObject *context, ReadCallback done) override;
    void write(const QString &key, const QByteArray &secret, QObject *context,
               WriteCallback done) override;
    void remove(const QString &key, QObject *context, WriteCallback done) override;
    QString description() const override;

    // Reads a key that does not exist: "not found" means a keychain answered; "no backend",
    // "access denied" or any other failure means it is not usable here.
    void probe(QObject *context, std::function<void(bool available)> done);

private:
    QString m_service;
};

} // namespace cosell
