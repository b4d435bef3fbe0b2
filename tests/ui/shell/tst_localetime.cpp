// SPDX-License-Identifier: MIT
#include "ui/widgets/localetime.h"

#include <QLocale>
#include <QtTest>

using namespace cosell;

class TestLocaleTime final : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { QLocale::setDefault(QLocale::c()); }
    void traditionalChineseShowsTheDayPeriodNotB();
    void englishKeepsItsOwnPattern();
};

void TestLocaleTime::traditionalChineseShowsTheDayPeriodNotB()
{
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::TraditionalHanScript, QLocale::Taiwan));
    const QDateTime afternoon(QDate(2026, 12, 6), QTime(17, 3), Qt::LocalTime);
    const QString text = LocaleTime::shortDateTime(afternoon);
    QVERIFY2(!text.contains(u'B'), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("下午")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("5:03")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("2026")), qPrintable(text));
    QVERIFY(!LocaleTime::shortDateTimeFormat().contains(u'B'));
    QVERIFY(LocaleTime::shortTime(QTime(9, 30)).contains(QStringLiteral("上午")));
}

void TestLocaleTime::englishKeepsItsOwnPattern()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QCOMPARE(LocaleTime::shortTimeFormat(), QLocale().timeFormat(QLocale::ShortFormat));
    QCOMPARE(LocaleTime::shortTime(QTime(17, 3)),
             QLocale().toString(QTime(17, 3), QLocale::ShortFormat));
}

QTEST_MAIN(TestLocaleTime)
#include "tst_localetime.moc"
