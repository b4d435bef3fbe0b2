// SPDX-License-Identifier: MIT
#include "core/sync/enginecontroller.h"
#include "core/sync/syncengine.h"
#include "ui/shell/aboutdialog.h"
#include "ui/shell/consoleoptions.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/translationloader.h"
#include "ui/widgets/syncstateindicator.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using cosell::MainWindow;

// Renders every page, and About, in English and zh_TW with QWidget::grab(). Checks that each
// page renders and that the two languages really differ; with COSELL_SCREENSHOT_DIR set it
// keeps the PNGs there for a person to look at.
class TestScreenshots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pages_data();
    void pages();
};

void TestScreenshots::pages_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("zh_TW") << QStringLiteral("zh_TW");
}

void TestScreenshots::pages()
{
    QFETCH(QString, language);
    cosell::TranslationLoader translations;
    QCOMPARE(translations.install(language), language);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString keepDir = qEnvironmentVariable("COSELL_SCREENSHOT_DIR");
    if (!keepDir.isEmpty())
        QVERIFY(QDir().mkpath(keepDir));
    QSettings settings(dir.filePath(QStringLiteral("console.ini")), QSettings::IniFormat);
    cosell::ConsoleOptions options;
    options.demo = true;
    options.cachePath = QStringLiteral("/home/admin/.local/share/cosell/cache.sqlite");

    cosell::EngineController engine(cosell::EngineController::Mode::NoThread);
    MainWindow window(&engine, &settings, options, language);
    window.resize(1000, 640);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Before an engine runs, the console checks the stored sign-ins and says so.
    window.setCheckingSignIn(true);
    QCOMPARE(window.syncStateIndicator()->text(),
             language == QLatin1String("en") ? QStringLiteral("Checking the sign-ins…")
                                             : QStringLiteral("正在檢查登入…"));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCoreApplication::processEvents();
    QVERIFY(window.syncStateIndicator()->width()
            >= window.syncStateIndicator()->sizeHint().width());
    if (!keepDir.isEmpty())
        QVERIFY(window.grab().save(
            QStringLiteral("%1/%2-checking-sign-ins.png").arg(keepDir, language)));
    window.setCheckingSignIn(false);
    engine.start();
    Q_EMIT engine.engine()->stateChanged(cosell::SyncEngine::State::Syncing);
    Q_EMIT engine.engine()->progress(1234, 5000);
    // Let the status bar lay out the longer text before anything is grabbed.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCoreApplication::processEvents();
    // The status bar makes room for the whole text (it once showed "Syncing… 1,2").
    QVERIFY(window.syncStateIndicator()->width()
            >= window.syncStateIndicator()->sizeHint().width());

    const auto *nav = window.findChild<QListWidget *>(QStringLiteral("navigationList"));
    const QString expectedFirst =
        language == QLatin1String("en") ? QStringLiteral("Dashboard") : QStringLiteral("儀表板");
    QCOMPARE(nav->item(0)->text(), expectedFirst);

    for (int i = 0; i < MainWindow::pageCount; ++i) {
        const auto page = MainWindow::Page(i);
        window.showPage(page);
        const QImage image = window.grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 1000);
        // Something is drawn: text and icons give many colours, a blank page a handful.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 3) {
            for (int x = 0; x < image.width(); x += 3)
                colours.insert(image.pixel(x, y));
        }
        QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
        if (!keepDir.isEmpty()) {
            const QString name =
                QStringLiteral("%1/%2-%3.png").arg(keepDir, language, MainWindow::pageKey(page));
            QVERIFY(image.save(name));
        }
    }

    window.showAbout();
    QWidget *about = window.aboutDialog();
    QVERIFY(about);
    QVERIFY(QTest::qWaitForWindowExposed(about));
    const QImage aboutImage = about->grab().toImage();
    QVERIFY(!aboutImage.isNull());
    if (!keepDir.isEmpty())
        QVERIFY(aboutImage.save(QStringLiteral("%1/%2-about.png").arg(keepDir, language)));
    QLocale::setDefault(QLocale::c());
}

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
