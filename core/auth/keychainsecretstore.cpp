// SPDX-License-Identifier: MIT
#include "core/auth/keychainsecretstore.h"

#include "core/auth/logging.h"
#include "core/net/serviceerror.h"

#include <QPointer>
#include <qt6keychain/keychain.h>

namespace cosell {
namespace {

Error keychainError(const QKeychain::Job *job)
{
    const bool notFound = job->error() == QKeychain::EntryNotFound;
    return makeError(notFound ? Error::Kind::NotFound : Error::Kind::Storage,
                     notFound ? QStringLiteral("secretNotFound") : QStringLiteral("keychain"),
                     QStringLiteral("OS keychain: %1").arg(job->errorString()));
}

template<typename Job> Job *makeJob(const QString &service, const QString &key)
{
    auto *job = new Job(service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service)
    : m_service(std::move(service))
{ }

void KeychainSecretStore::read(const QString &key, QObject *context, ReadCallback done)
{
    auto *job = makeJob<QKeychain::ReadPasswordJob>(m_service, key);
    QObject::connect(job, &QKeychain::Job::finished, context, [job, done = std::move(done)] {
        if (job->error() != QKeychain::NoError)
            done(keychainError(job));
        else
            done(job->binaryData());
    });
    job->start();
}

void KeychainSecretStore::write(const QString &key, const QByteArray &secret, QObject *context,
                                WriteCallback done)
{
    auto *job = makeJob<QKeychain::WritePasswordJob>(m_service, key);
    job->setBinaryData(secret);
    QObject::connect(job, &QKeychain::Job::finished, context, [job, done = std::move(done)] {
        done(job->error() == QKeychain::NoError ? Status() : Status(keychainError(job)));
    });
    job->start();
}

void KeychainSecretStore::remove(const QString &key, QObject *context, WriteCallback done)
{
    auto *job = makeJob<QKeychain::DeletePasswordJob>(m_service, key);
    QObject::connect(job, &QKeychain::Job::finished, context, [job, done = std::move(done)] {
        const bool ok =
            job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound;
        done(ok ? Status() : Status(keychainError(job)));
    });
    job->start();
}

QString KeychainSecretStore::description() const
{
    return QStringLiteral("OS keychain (%1)").arg(m_service);
}

void KeychainSecretStore::probe(QObject *context, std::function<void(bool)> done)
{
    auto *job =
        makeJob<QKeychain::ReadPasswordJob>(m_service, QStringLiteral("cosell-keychain-probe"));
    QObject::connect(job, &QKeychain::Job::finished, context, [job, done = std::move(done)] {
        const bool available =
            job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound;
        if (!available)
            qCInfo(lcSecrets).noquote() << "OS keychain not usable:" << job->errorString();
        done(available);
    });
    job->start();
}

} // namespace cosell
