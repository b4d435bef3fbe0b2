// SPDX-License-Identifier: MIT
#pragma once

#include "core/auth/secretstore.h"

#include <QJsonObject>

namespace cosell {

// Fallback for machines without an OS keychain (headless servers): one JSON file readable
// and writable by the owner only (0600, in a 0700 directory), replaced atomically on every
// write. Not encrypted: the file permissions are the protection, which is why using it
// logs a warning. A file found with wider permissions is tightened and the fact logged.
class FileSecretStore final : public SecretStore
{
public:
    explicit FileSecretStore(QString path);

    void read(const QString &key, QObject *context, ReadCallback done) override;
    void write(const QString &key, const QByteArray &secret, QObject *context,
               WriteCallback done) override;
    void remove(const QString &key, QObject *context, WriteCallback done) override;
    QString description() const override;

    QString path() const { return m_path; }

private:
    Result<QJsonObject> load() const;
    Status save(const QJsonObject &secrets) const;

    QString m_path;
};

} // namespace cosell
