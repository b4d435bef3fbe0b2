// SPDX-License-Identifier: MIT
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

namespace {

constexpr int lupdateTimeoutMs = 120'000;

struct Message
{
    QString context;
    QString source;
    QString translation;
    QString type; // "", "unfinished", "vanished", "obsolete"
};

QString sourceDir()
{
    return qEnvironmentVariable("COSELL_SOURCE_DIR");
}

QList<Message> readTs(const QString &path, QString *error)
{
    QList<Message> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return out;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            current = Message {context, {}, {}, {}};
        } else if (name == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            current.type = xml.attributes().value(QLatin1String("type")).toString();
            current.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            out << current;
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return out;
}

QString describe(const Message &m)
{
    return QStringLiteral("[%1] \"%2\"").arg(m.context, m.source);
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%L?\\d+"));
    QStringList out;
    for (const auto &match : re.globalMatch(text))
        out << match.captured().remove(u'L');
    out.sort();
    out.removeDuplicates();
    return out;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everySourceStringIsTranslated();
    void translationsKeepPlaceholdersAndShortcuts();
    void translationsFollowGlossary();
    void embeddedQmTranslates();

private:
    QTemporaryDir m_dir;
    QList<Message> m_messages; // lupdate's view of the sources, merged into our zh_TW file
};

void TestTranslations::initTestCase()
{
    QVERIFY2(!sourceDir().isEmpty(), "COSELL_SOURCE_DIR is not set (run through ctest)");
    QVERIFY(m_dir.isValid());
    const QString committed = sourceDir() + QStringLiteral("/translations/cosell_zh_TW.ts");
    const QString merged = m_dir.filePath(QStringLiteral("cosell_zh_TW.ts"));
    QVERIFY(QFile::copy(committed, merged));
    QFile::setPermissions(merged, QFile::ReadOwner | QFile::WriteOwner);

    // The same options as the cosell_ui_lupdate target; sources by directory, so a new
    // file under ui/ is checked even before anyone regenerates the .ts file. -I lets
    // lupdate resolve our headers, and with them the cosell:: of each context.
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(COSELL_LUPDATE),
                  {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                   QStringLiteral("none"), QStringLiteral("-extensions"), QStringLiteral("cpp,h"),
                   QStringLiteral("-I"), sourceDir(), sourceDir() + QStringLiteral("/ui"),
                   sourceDir() + QStringLiteral("/app/console"), QStringLiteral("-ts"), merged});
    QVERIFY2(lupdate.waitForFinished(lupdateTimeoutMs), "lupdate did not finish");
    const QByteArray output = lupdate.readAll();
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
             output.constData());

    QString error;
    m_messages = readTs(merged, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(m_messages.size() > 50, output.constData());
}

void TestTranslations::everySourceStringIsTranslated()
{
    QStringList missing;
    for (const Message &m : std::as_const(m_messages)) {
        if (m.type == QLatin1String("vanished") || m.type == QLatin1String("obsolete"))
            continue;
        if (!m.type.isEmpty() || m.translation.trimmed().isEmpty())
            missing << describe(m);
    }
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("%1 zh_TW string(s) missing or unfinished; build the "
                                       "cosell_ui_lupdate target, translate them in "
                                       "translations/cosell_zh_TW.ts (scripts/ts_fill.py "
                                       "helps):\n  ")
                            .arg(missing.size())
                        + missing.join(QStringLiteral("\n  "))));
}

void TestTranslations::translationsKeepPlaceholdersAndShortcuts()
{
    QStringList wrong;
    for (const Message &m : std::as_const(m_messages)) {
        if (m.translation.isEmpty())
            continue;
        if (placeholders(m.source) != placeholders(m.translation))
            wrong << describe(m) + QStringLiteral(": placeholders differ");
        static const QRegularExpression accel(QStringLiteral("&[^&\\s]"));
        if (m.source.contains(accel) && !m.translation.contains(accel))
            wrong << describe(m) + QStringLiteral(": keyboard accelerator (&) lost");
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u'\n')));
}

void TestTranslations::translationsFollowGlossary()
{
    QFile file(sourceDir() + QStringLiteral("/translations/glossary_zh_TW.tsv"));
    QVERIFY2(file.open(QIODevice::ReadOnly | QIODevice::Text), qPrintable(file.errorString()));
    QList<std::pair<QRegularExpression, QString>> terms;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const QStringList cells = line.split(u'\t');
        QCOMPARE(cells.size(), 2);
        terms.append(
            {QRegularExpression(QStringLiteral("\\b") + QRegularExpression::escape(cells.at(0)),
                                QRegularExpression::CaseInsensitiveOption),
             cells.at(1)});
    }
    QVERIFY(terms.size() >= 10);

    QStringList wrong;
    for (const Message &m : std::as_const(m_messages)) {
        for (const auto &[english, chinese] : terms) {
            if (m.source.contains(english) && !m.translation.contains(chinese))
                wrong << describe(m) + QStringLiteral(" should use ") + chinese;
        }
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u'\n')));
}

void TestTranslations::embeddedQmTranslates()
{
    QTranslator zh;
    QVERIFY(zh.load(QStringLiteral(":/i18n/cosell_zh_TW.qm")));
    QCOMPARE(zh.language(), QStringLiteral("zh_TW"));
    QCOMPARE(zh.translate("cosell::MainWindow", "Dashboard"), QStringLiteral("儀表板"));
    QCOMPARE(zh.translate("cosell::MainWindow", "Field mapping"), QStringLiteral("欄位對應"));
    QCOMPARE(zh.translate("cosell::MainWindow", "Audit trail"), QStringLiteral("稽核記錄"));
    QCOMPARE(zh.translate("cosell::MainWindow", "no such string"), QString());

    QTranslator en;
    QVERIFY(en.load(QStringLiteral(":/i18n/cosell_en.qm")));
    QCOMPARE(en.language(), QStringLiteral("en"));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
