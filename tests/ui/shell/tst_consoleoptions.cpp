// SPDX-License-Identifier: MIT
#include "ui/shell/consoleoptions.h"
#include "ui/shell/translationloader.h"

#include <QCoreApplication>
#include <QTest>

using cosell::ConsoleOptions;
using cosell::TranslationLoader;

namespace {

QStringList args(std::initializer_list<const char *> list)
{
    QStringList out {QStringLiteral("cosell-console")};
    for (const char *a : list)
        out << QString::fromUtf8(a);
    return out;
}

} // namespace

class TestConsoleOptions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void defaults();
    void allOptions();
    void helpAndVersion();
    void errors_data();
    void errors();
    void peekLanguage_data();
    void peekLanguage();
    void normalize_data();
    void normalize();
    void languageFromLocale_data();
    void languageFromLocale();
    void installLoadsEmbeddedTranslation();
};

void TestConsoleOptions::initTestCase()
{
    QCoreApplication::setApplicationName(QStringLiteral("cosell-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COSELL_VERSION));
}

void TestConsoleOptions::defaults()
{
    ConsoleOptions options;
    const auto parsed = ConsoleOptions::parse(args({}), &options);
    QVERIFY(parsed.run);
    QVERIFY(!options.demo);
    QVERIFY(options.language.isEmpty());
    QVERIFY(options.cachePath.endsWith(QStringLiteral("cache.sqlite")));
}

void TestConsoleOptions::allOptions()
{
    ConsoleOptions options;
    const auto parsed = ConsoleOptions::parse(
        args({"--demo", "--lang", "zh-TW", "--cache", "/tmp/x.sqlite"}), &options);
    QVERIFY2(parsed.run, qPrintable(parsed.message));
    QVERIFY(options.demo);
    QCOMPARE(options.language, QStringLiteral("zh_TW"));
    QCOMPARE(options.cachePath, QStringLiteral("/tmp/x.sqlite"));

    ConsoleOptions equalsForm;
    QVERIFY(ConsoleOptions::parse(args({"--lang=en"}), &equalsForm).run);
    QCOMPARE(equalsForm.language, QStringLiteral("en"));
}

void TestConsoleOptions::helpAndVersion()
{
    ConsoleOptions options;
    const auto help = ConsoleOptions::parse(args({"--help"}), &options);
    QVERIFY(!help.run);
    QCOMPARE(help.exitCode, 0);
    QVERIFY(!help.isError);
    for (const char *option : {"--demo", "--lang", "--cache"})
        QVERIFY2(help.message.contains(QLatin1String(option)), qPrintable(help.message));

    const auto version = ConsoleOptions::parse(args({"--version"}), &options);
    QVERIFY(!version.run);
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.message.contains(QStringLiteral(COSELL_VERSION)));
}

void TestConsoleOptions::errors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("needle");
    QTest::newRow("unknown option") << args({"--frobnicate"}) << QStringLiteral("frobnicate");
    QTest::newRow("unknown language") << args({"--lang", "fr"}) << QStringLiteral("zh_TW");
    QTest::newRow("missing value") << args({"--cache"}) << QStringLiteral("cache");
    QTest::newRow("positional") << args({"stray"}) << QStringLiteral("stray");
}

void TestConsoleOptions::errors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, needle);
    ConsoleOptions options;
    options.cachePath = QStringLiteral("untouched");
    const auto parsed = ConsoleOptions::parse(arguments, &options);
    QVERIFY(!parsed.run);
    QCOMPARE(parsed.exitCode, 2);
    QVERIFY(parsed.isError);
    QVERIFY2(parsed.message.contains(needle), qPrintable(parsed.message));
    QCOMPARE(options.cachePath, QStringLiteral("untouched"));
}

void TestConsoleOptions::peekLanguage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("none") << args({"--demo"}) << QString();
    QTest::newRow("separate") << args({"--demo", "--lang", "zh_TW"}) << QStringLiteral("zh_TW");
    QTest::newRow("equals") << args({"--lang=en"}) << QStringLiteral("en");
    QTest::newRow("dangling") << args({"--lang"}) << QString();
    QTest::newRow("after --") << args({"--", "--lang", "en"}) << QString();
}

void TestConsoleOptions::peekLanguage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    QCOMPARE(ConsoleOptions::peekLanguage(arguments), expected);
}

void TestConsoleOptions::normalize_data()
{
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zh_TW") << QStringLiteral("zh_TW") << QStringLiteral("zh_TW");
    QTest::newRow("zh-tw") << QStringLiteral("zh-tw") << QStringLiteral("zh_TW");
    QTest::newRow("zh-Hant-TW") << QStringLiteral("zh-Hant-TW") << QStringLiteral("zh_TW");
    QTest::newRow("zh-HK") << QStringLiteral("zh-HK") << QStringLiteral("zh_TW");
    QTest::newRow("zh-CN") << QStringLiteral("zh-CN") << QString();
    QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("en");
    QTest::newRow("en-GB") << QStringLiteral("en-GB") << QStringLiteral("en");
    QTest::newRow("fr") << QStringLiteral("fr") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestConsoleOptions::normalize()
{
    QFETCH(QString, tag);
    QFETCH(QString, expected);
    QCOMPARE(TranslationLoader::normalize(tag), expected);
}

void TestConsoleOptions::languageFromLocale_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zh_TW") << QLocale(QStringLiteral("zh_TW")) << QStringLiteral("zh_TW");
    QTest::newRow("zh_HK") << QLocale(QStringLiteral("zh_HK")) << QStringLiteral("zh_TW");
    QTest::newRow("en_US") << QLocale(QStringLiteral("en_US")) << QStringLiteral("en");
    QTest::newRow("de_DE") << QLocale(QStringLiteral("de_DE")) << QStringLiteral("en");
    QTest::newRow("C") << QLocale::c() << QStringLiteral("en");
}

void TestConsoleOptions::languageFromLocale()
{
    QFETCH(QLocale, locale);
    QFETCH(QString, expected);
    QCOMPARE(TranslationLoader::languageFor(locale), expected);
}

void TestConsoleOptions::installLoadsEmbeddedTranslation()
{
    const QString source = QStringLiteral("Sync stopped");
    QCOMPARE(QCoreApplication::translate("cosell::SyncStateIndicator", "Sync stopped"), source);
    {
        TranslationLoader loader;
        QCOMPARE(loader.install(QStringLiteral("zh-TW")), QStringLiteral("zh_TW"));
        QCOMPARE(QCoreApplication::translate("cosell::SyncStateIndicator", "Sync stopped"),
                 QStringLiteral("同步已停止"));
        QCOMPARE(QLocale().name(), QStringLiteral("zh_TW"));
        QCOMPARE(loader.install(QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("cosell::SyncStateIndicator", "Sync stopped"), source);
        QCOMPARE(loader.install(QStringLiteral("zh_TW")), QStringLiteral("zh_TW"));
    }
    // Destroying the loader removes its translators.
    QCOMPARE(QCoreApplication::translate("cosell::SyncStateIndicator", "Sync stopped"), source);
    QLocale::setDefault(QLocale::c());
}

QTEST_GUILESS_MAIN(TestConsoleOptions)
#include "tst_consoleoptions.moc"
