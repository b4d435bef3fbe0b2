// SPDX-License-Identifier: MIT
// Records view benchmark: prints one JSON object.
//   load: open the page on a cache of N linked pairs (query + model + view ready), for the
//         large N and, in the same run, a baseline of N/10; the ratio shows it scales
//         linearly rather than an absolute time that depends on the machine.
//   search: one search filter over the large list.
//   peakRssMb: VmHWM of the process (target: under 300 MB at 100,000 pairs).
// Full size by hand: bench_records --pairs 100000   (target: load < 1 s, search < 100 ms)
#include "tests/ui/records/recordsfixture.h"
#include "ui/records/recordsfilterbar.h"
#include "ui/records/recordsfilterproxy.h"
#include "ui/records/recordsmodel.h"
#include "ui/records/recordspage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QTableView>
#include <QTemporaryDir>

#include <cstdio>

using namespace cosell;

namespace {

double peakRssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

struct Timing
{
    double loadMs = 0;
    double searchMs = 0;
    int rows = 0;
    int matches = 0;
};

Timing measure(const QString &dir, int pairs)
{
    const QString path = dir + QStringLiteral("/cache-%1.db").arg(pairs);
    {
        test::RecordsFixture fixture(path);
        fixture.addPairs(pairs);
    }
    Timing t;
    RecordsPage page;
    page.resize(1280, 800);
    QElapsedTimer timer;
    timer.start();
    if (!page.openCache(path))
        qFatal("cannot open the cache");
    page.show();
    QCoreApplication::processEvents();
    t.loadMs = double(timer.nsecsElapsed()) / 1e6;
    t.rows = page.model()->rowCount();
    timer.restart();
    page.filterBar()->searchEdit()->setText(QStringLiteral("Customer 42"));
    t.matches = page.proxy()->rowCount();
    t.searchMs = double(timer.nsecsElapsed()) / 1e6;
    return t;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("pairs"), QStringLiteral("Linked pairs in the large cache."),
                      QStringLiteral("n"), QStringLiteral("100000")});
    parser.addHelpOption();
    parser.process(app);
    const int large = qMax(10, parser.value(QStringLiteral("pairs")).toInt());
    const int small = large / 10;

    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    const Timing base = measure(dir.path(), small);
    const Timing big = measure(dir.path(), large);
    const bool ok = base.rows == small && big.rows == large && big.matches > 0;
    const QJsonObject out {
        {QStringLiteral("bench"), QStringLiteral("records")},
        {QStringLiteral("pairs"), large},
        {QStringLiteral("baselinePairs"), small},
        {QStringLiteral("loadMs"), big.loadMs},
        {QStringLiteral("baselineLoadMs"), base.loadMs},
        {QStringLiteral("loadRatio"), base.loadMs > 0 ? big.loadMs / base.loadMs : 0.0},
        {QStringLiteral("searchMs"), big.searchMs},
        {QStringLiteral("baselineSearchMs"), base.searchMs},
        {QStringLiteral("searchMatches"), big.matches},
        {QStringLiteral("peakRssMb"), peakRssMb()},
        {QStringLiteral("ok"), ok},
    };
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return ok ? 0 : 1;
}
