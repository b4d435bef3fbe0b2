// SPDX-License-Identifier: MIT
#include "core/auth/filesecretstore.h"
#include "core/auth/memorysecretstore.h"

#include <sys/stat.h>

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

namespace cosell::test {
namespace {

mode_t modeOf(const QString &path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return 0;
    return st.st_mode & 0777;
}

// Drive one asynchronous store call to completion; .second says whether the callback ran
// inside the call (it must not).
std::pair<std::optional<Result<QByteArray>>, bool> awaitRead(SecretStore &store, const QString &key)
{
    std::optional<Result<QByteArray>> result;
    QObject context;
    store.read(key, &context, [&](Result<QByteArray> r) { result = std::move(r); });
    const bool synchronous = result.has_value();
    (void)QTest::qWaitFor([&] { return result.has_value(); }, 10000);
    return {std::move(result), synchronous};
}

std::pair<std::optional<Status>, bool>
awaitStatus(const std::function<void(QObject *, SecretStore::WriteCallback)> &call)
{
    std::optional<Status> result;
    QObject context;
    call(&context, [&](Status r) { result = std::move(r); });
    const bool synchronous = result.has_value();
    (void)QTest::qWaitFor([&] { return result.has_value(); }, 10000);
    return {std::move(result), synchronous};
}

} // namespace

class TestSecretStores : public QObject
{
    Q_OBJECT

    void roundTrip(SecretStore &store)
    {
        auto [missing, syncRead] = awaitRead(store, QStringLiteral("k"));
        QVERIFY(!syncRead); // callbacks never run inside the call
        QVERIFY(missing.has_value());
        QVERIFY(!missing->ok());
        QCOMPARE(toString(missing->error().kind), QStringLiteral("notFound"));

        const QByteArray secret("refresh\0token\xff", 14);
        auto [written, syncWrite] = awaitStatus([&](QObject *c, SecretStore::WriteCallback done) {
            store.write(QStringLiteral("k"), secret, c, done);
        });
        QVERIFY(!syncWrite);
        QVERIFY(written->ok());
        auto [read, s2] = awaitRead(store, QStringLiteral("k"));
        QVERIFY(read->ok());
        QCOMPARE(read->value(), secret);

        auto [removed, s3] = awaitStatus([&](QObject *c, SecretStore::WriteCallback done) {
            store.remove(QStringLiteral("k"), c, done);
        });
        QVERIFY(removed->ok());
        auto [gone, s4] = awaitRead(store, QStringLiteral("k"));
        QVERIFY(!gone->ok());
        // Removing what is not there is fine.
        auto [again, s5] = awaitStatus([&](QObject *c, SecretStore::WriteCallback done) {
            store.remove(QStringLiteral("k"), c, done);
        });
        QVERIFY(again->ok());
    }

private Q_SLOTS:
    void memoryStore()
    {
        MemorySecretStore store;
        roundTrip(store);
    }

    void fileStoreRoundTrip()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        FileSecretStore store(dir.filePath(QStringLiteral("secrets/secrets.json")));
        roundTrip(store);
    }

    void fileStoreIsOwnerOnly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("private/secrets.json"));
        FileSecretStore store(path);
        auto [written, s] = awaitStatus([&](QObject *c, SecretStore::WriteCallback done) {
            store.write(QStringLiteral("pc"), "RT-1", c, done);
        });
        QVERIFY(written->ok());
        QCOMPARE(modeOf(path), mode_t(0600));
        QCOMPARE(modeOf(dir.filePath(QStringLiteral("private"))), mode_t(0700));
        // Every rewrite keeps 0600 (QSaveFile replaces the file).
        auto [again, s2] = awaitStatus([&](QObject *c, SecretStore::WriteCallback done) {
            store.write(QStringLiteral("sf"), "RT-2", c, done);
        });
        QVERIFY(again->ok());
        QCOMPARE(modeOf(path), mode_t(0600));
        // The secret is not stored in the clear as a searchable string.
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains("RT-1"));
    }

    void fileStoreTightensWidePermissions()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("secrets.json"));
        FileSecretStore store(path);
        auto [written, s] = awaitStatus([&](QObject *c, SecretStore::WriteCallback done) {
            store.write(QStringLiteral("pc"), "RT", c, done);
        });
        QVERIFY(written->ok());
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);
        auto [read, s2] = awaitRead(store, QStringLiteral("pc"));
        QVERIFY(read->ok());
        QCOMPARE(modeOf(path), mode_t(0600));
    }

    void damagedFileIsAClearError()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("secrets.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{not json");
        f.close();
        FileSecretStore store(path);
        auto [read, s] = awaitRead(store, QStringLiteral("pc"));
        QVERIFY(!read->ok());
        QCOMPARE(toString(read->error().kind), QStringLiteral("storage"));
        QVERIFY(read->error().message.contains(QLatin1String("damaged")));
    }
};

} // namespace cosell::test

QTEST_GUILESS_MAIN(cosell::test::TestSecretStores)
#include "tst_secretstores.moc"
