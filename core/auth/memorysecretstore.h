// SPDX-License-Identifier: MIT
#pragma once

#include "core/auth/secretstore.h"

#include <QHash>

namespace cosell {

// For tests and --demo: secrets live only as long as this object.
class MemorySecretStore final : public SecretStore
{
public:
    void read(const QString &key, QObject *context, ReadCallback done) override;
    void write(const QString &key, const QByteArray &secret, QObject *context,
               WriteCallback done) override;
    void remove(const QString &key, QObject *context, WriteCallback done) override;
    QString description() const override;

    bool contains(const QString &key) const { return m_secrets.contains(key); }

private:
    QHash<QString, QByteArray> m_secrets;
};

} // namespace cosell
