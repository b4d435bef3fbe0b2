// SPDX-License-Identifier: MIT
#include "core/auth/memorysecretstore.h"

#include "core/net/serviceerror.h"

#include <QMetaObject>

namespace cosell {

void MemorySecretStore::read(const QString &key, QObject *context, ReadCallback done)
{
    Result<QByteArray> result = m_secrets.contains(key)
        ? Result<QByteArray>(m_secrets.value(key))
        : Result<QByteArray>(makeError(Error::Kind::NotFound, QStringLiteral("secretNotFound"),
                                       QStringLiteral("No secret stored under %1").arg(key)));
    QMetaObject::invokeMethod(
        context, [done = std::move(done), result] { done(result); }, Qt::QueuedConnection);
}

void MemorySecretStore::write(const QString &key, const QByteArray &secret, QObject *context,
                              WriteCallback done)
{
    m_secrets.insert(key, secret);
    QMetaObject::invokeMethod(
        context, [done = std::move(done)] { done(Status()); }, Qt::QueuedConnection);
}

void MemorySecretStore::remove(const QString &key, QObject *context, WriteCallback done)
{
    m_secrets.remove(key);
    QMetaObject::invokeMethod(
        context, [done = std::move(done)] { done(Status()); }, Qt::QueuedConnection);
}

QString MemorySecretStore::description() const
{
    return QStringLiteral("memory (not persisted)");
}

} // namespace cosell
