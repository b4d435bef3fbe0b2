// SPDX-License-Identifier: MIT
// Guards on the source tree itself (ARCHITECTURE.md "Rules of the house", STYLE.md §1, §11):
// core/ never includes QtGui/QtWidgets, and reads the time only through core/util/clock.
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

class TestSourceGuards : public QObject
{
    Q_OBJECT

private:
    QString m_root;

    // Every C++ source under core/, as paths relative to the repository root.
    QStringList coreSources() const
    {
        QStringList files;
        QDirIterator it(m_root + QStringLiteral("/core"),
                        {QStringLiteral("*.h"), QStringLiteral("*.hpp"), QStringLiteral("*.cpp"),
                         QStringLiteral("*.cc")},
                        QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(it.next().mid(m_root.size() + 1));
        files.sort();
        return files;
    }

    // "file:line: text" for each line matching `pattern`, comments stripped naively
    // (a `//` comment mentioning a header is not an include).
    QStringList grep(const QStringList &files, const QRegularExpression &pattern,
                     const QStringList &exempt = {}) const
    {
        QStringList hits;
        for (const QString &relative : files) {
            if (exempt.contains(relative))
                continue;
            QFile file(m_root + u'/' + relative);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            int number = 0;
            while (!file.atEnd()) {
                ++number;
                QString line = QString::fromUtf8(file.readLine());
                const qsizetype comment = line.indexOf(QStringLiteral("//"));
                if (comment >= 0)
                    line.truncate(comment);
                if (pattern.match(line).hasMatch())
                    hits.append(
                        QStringLiteral("%1:%2: %3").arg(relative).arg(number).arg(line.trimmed()));
            }
        }
        return hits;
    }

private slots:
    void initTestCase()
    {
        m_root = qEnvironmentVariable("COSELL_SOURCE_DIR");
        QVERIFY2(!m_root.isEmpty(), "COSELL_SOURCE_DIR is not set (run through ctest)");
        QVERIFY2(QFile::exists(m_root + QStringLiteral("/core/util/clock.cpp")),
                 qPrintable(m_root));
        // The guards are only meaningful if they see the tree.
        QVERIFY(coreSources().size() >= 5);
    }

    void patternsCatchViolations()
    {
        // The guard patterns themselves must match what they are meant to catch.
        const QRegularExpression gui(guiInclude());
        QVERIFY(gui.match(QStringLiteral("#include <QWidget>")).hasMatch());
        QVERIFY(gui.match(QStringLiteral("#  include <QtGui/QColor>")).hasMatch());
        QVERIFY(gui.match(QStringLiteral("#include <QtWidgets>")).hasMatch());
        QVERIFY(gui.match(QStringLiteral("#include <QGuiApplication>")).hasMatch());
        QVERIFY(gui.match(QStringLiteral("#include <QIcon>")).hasMatch());
        QVERIFY(!gui.match(QStringLiteral("#include <QJsonObject>")).hasMatch());
        QVERIFY(!gui.match(QStringLiteral("#include <QDateTime>")).hasMatch());
        const QRegularExpression now(currentTimeCall());
        QVERIFY(now.match(QStringLiteral("auto t = QDateTime::currentDateTimeUtc();")).hasMatch());
        QVERIFY(now.match(QStringLiteral("QDateTime::currentDateTime()")).hasMatch());
        QVERIFY(now.match(QStringLiteral("QDateTime::currentMSecsSinceEpoch()")).hasMatch());
        QVERIFY(now.match(QStringLiteral("QDateTime::currentSecsSinceEpoch()")).hasMatch());
        QVERIFY(!now.match(QStringLiteral("clock.now()")).hasMatch());
    }

    void coreHasNoGuiIncludes()
    {
        const QStringList hits = grep(coreSources(), QRegularExpression(guiInclude()));
        QVERIFY2(hits.isEmpty(),
                 qPrintable(QStringLiteral("core/ must not include QtGui/QtWidgets:\n")
                            + hits.join(u'\n')));
    }

    void coreReadsTimeOnlyThroughClock()
    {
        const QStringList hits = grep(coreSources(), QRegularExpression(currentTimeCall()),
                                      {QStringLiteral("core/util/clock.cpp")});
        QVERIFY2(hits.isEmpty(),
                 qPrintable(QStringLiteral("take a const cosell::Clock & instead of:\n")
                            + hits.join(u'\n')));
    }

private:
    static QString guiInclude()
    {
        // Module includes, and the usual class headers of both modules.
        return QStringLiteral(
            "^\\s*#\\s*include\\s*[<\"]("
            "QtGui|QtWidgets|QtGui/|QtWidgets/|"
            "Q(Gui)?Application|QWidget|QMainWindow|QDialog|QPalette|QColor|QIcon|QPixmap|"
            "QImage|QFont|QPainter|QWindow|QScreen|QClipboard|QDesktopServices|QAction"
            ")\\b");
    }

    static QString currentTimeCall()
    {
        return QStringLiteral(
            "QDateTime\\s*::\\s*current(DateTime|DateTimeUtc|MSecsSinceEpoch|SecsSinceEpoch)\\b");
    }
};

QTEST_GUILESS_MAIN(TestSourceGuards)
#include "tst_sourceguards.moc"
