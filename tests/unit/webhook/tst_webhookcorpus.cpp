// SPDX-License-Identifier: MIT
// Corpus regression: every file of the libFuzzer seed corpus goes through the same request
// and event parsers the fuzzer drives (tests/fuzz/webhookfuzzinput.h). File names state the
// expected outcome: ok-* pass both parsers, bad-<status>-* are refused with <status>,
// badjson-* pass the envelope but not the event JSON; any other file must simply not crash
// and be answered with a documented status.
#include "tests/fuzz/webhookfuzzinput.h"

#include <QDir>
#include <QFile>
#include <QTest>

class tst_WebhookCorpus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corpus_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(qEnvironmentVariable("COSELL_SOURCE_DIR")
                       + QStringLiteral("/tests/fuzz/corpus/webhook_request"));
        const QStringList files = dir.entryList(QDir::Files, QDir::Name);
        QVERIFY2(files.size() >= 20, qPrintable(dir.path()));
        for (const QString &name : files)
            QTest::newRow(qPrintable(name)) << dir.filePath(name);
    }

    void corpus()
    {
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const cosell::fuzz::Outcome outcome = cosell::fuzz::runOne(file.readAll());
        const QString name = QFileInfo(path).fileName();
        if (name.startsWith(u"ok-")) {
            QCOMPARE(outcome.envelopeStatus, 0);
            QVERIFY(outcome.eventParsed);
        } else if (name.startsWith(u"badjson-")) {
            QCOMPARE(outcome.envelopeStatus, 0);
            QVERIFY(!outcome.eventParsed);
        } else if (name.startsWith(u"bad-")) {
            QCOMPARE(outcome.envelopeStatus, name.mid(4, 3).toInt());
        } else {
            const QList<int> documented {0, 400, 401, 404, 405, 413, 415};
            QVERIFY(documented.contains(outcome.envelopeStatus));
        }
    }
};

QTEST_GUILESS_MAIN(tst_WebhookCorpus)
#include "tst_webhookcorpus.moc"
