// SPDX-License-Identifier: MIT
#include "core/auth/filesecretstore.h"

#include "core/auth/logging.h"
#include "core/net/serviceerror.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMetaObject>
#include <QSaveFile>

namespace cosell {
namespace {

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

Error storageError(const QString &message)
{
    return makeError(Error::Kind::Storage, QStringLiteral("secretStore"), message);
}

template<typename T, typename F> void post(QObject *context, F done, T result)
{
    QMetaObject::invokeMethod(
        context, [done = std::move(done), result = std::move(result)] { done(result); },
        Qt::QueuedConnection);
}

} // namespace

FileSecretStore::FileSecretStore(QString path)
    : m_path(std::move(path))
{
    qCWarning(lcSecrets).noquote() << "No OS keychain in use: secrets are kept in" << m_path
                                   << "(owner read/write only, not encrypted)";
}

Result<QJsonObject> FileSecretStore::load() const
{
    QFile file(m_path);
    if (!file.exists())
        return QJsonObject();
    if ((file.permissions() & ~(kOwnerOnly | QFileDevice::ReadUser | QFileDevice::WriteUser))
        != 0) {
        qCWarning(lcSecrets).noquote()
            << m_path << "was readable by others; restricting it to its owner";
        file.setPermissions(kOwnerOnly);
    }
    if (!file.open(QIODevice::ReadOnly))
        return storageError(QStringLiteral("Cannot read %1: %2").arg(m_path, file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return storageError(QStringLiteral("%1 is damaged (%2); sign in again to replace it")
                                .arg(m_path, parseError.errorString()));
    return doc.object();
}

Status FileSecretStore::save(const QJsonObject &secrets) const
{
    const QFileInfo info(m_path);
    QDir dir = info.absoluteDir();
    if (!dir.exists()) {
        if (!dir.mkpath(QStringLiteral(".")))
            return storageError(QStringLiteral("Cannot create %1").arg(dir.path()));
        QFile::setPermissions(
            dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return storageError(QStringLiteral("Cannot write %1: %2").arg(m_path, file.errorString()));
    // Restrict the temporary file before a single secret byte goes into it.
    if (!file.setPermissions(kOwnerOnly)) {
        file.cancelWriting();
        return storageError(QStringLiteral("Cannot restrict the permissions of %1").arg(m_path));
    }
    file.write(QJsonDocument(secrets).toJson(QJsonDocument::Compact));
    if (!file.commit())
        return storageError(QStringLiteral("Cannot write %1: %2").arg(m_path, file.errorString()));
    return {};
}

void FileSecretStore::read(const QString &key, QObject *context, ReadCallback done)
{
    const auto secrets = load();
    if (!secrets) {
        post(context, std::move(done), Result<QByteArray>(secrets.error()));
        return;
    }
    if (!secrets->contains(key)) {
        post(context, std::move(done),
             Result<QByteArray>(makeError(Error::Kind::NotFound, QStringLiteral("secretNotFound"),
                                          QStringLiteral("No secret stored under %1").arg(key))));
        return;
    }
    post(context, std::move(done),
         Result<QByteArray>(QByteArray::fromBase64(secrets->value(key).toString().toLatin1())));
}

void FileSecretStore::write(const QString &key, const QByteArray &secret, QObject *context,
                            WriteCallback done)
{
    auto secrets = load();
    if (!secrets) {
        post(context, std::move(done), Status(secrets.error()));
        return;
    }
    QJsonObject updated = secrets.value();
    updated.insert(key, QString::fromLatin1(secret.toBase64()));
    post(context, std::move(done), save(updated));
}

void FileSecretStore::remove(const QString &key, QObject *context, WriteCallback done)
{
    auto secrets = load();
    if (!secrets) {
        post(context, std::move(done), Status(secrets.error()));
        return;
    }
    QJsonObject updated = secrets.value();
    if (!updated.contains(key)) {
        post(context, std::move(done), Status());
        return;
    }
    updated.remove(key);
    post(context, std::move(done), save(updated));
}

QString FileSecretStore::description() const
{
    return QStringLiteral("file %1 (0600)").arg(m_path);
}

} // namespace cosell
