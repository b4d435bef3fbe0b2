// SPDX-License-Identifier: MIT
// Benchmarks of the sync engine's own work (planning, recording, outbox, batching) over
// in-memory sides (tests/unit/sync/fakeremoteside.h) and MemorySyncStore: no HTTP, no
// SQLite. Prints one JSON object; ratios compare runs made in the same process.
//   bench_sync [--small]     full: 1,000 edits, 10,000 initial, 100,000 pairs
// Exit 1 when a floor is missed: propagation p99 >= 1 s; CRM write requests per record
// >= 0.05; the 1% steady-state pass costing more than 30x the 0.1% one in requests.
#include "core/sync/memorysyncstore.h"
#include "core/sync/syncpass.h"
#include "core/util/clock.h"
#include "tests/unit/sync/fakeremoteside.h"

#include <algorithm>
#include <cstdio>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>

using namespace cosell;
using cosell::test::FakeRemoteSide;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QList<FieldRule> rules()
{
    QList<FieldRule> out;
    for (const char *name : {"name", "dealValue", "notes"}) {
        FieldRule r;
        r.field = QString::fromUtf8(name);
        out.append(r);
    }
    return out;
}

struct World
{
    MemorySyncStore store;
    FakeRemoteSide pc {FakeRemoteSide::Kind::PartnerCenter};
    FakeRemoteSide crm {FakeRemoteSide::Kind::Crm};
    SyncContext context {store, pc, crm, Clock::system(), SyncConfig {}, rules(), [] {
                             return 0.5;
                         }};

    explicit World(int referrals)
    {
        context.config.batchSize = 200;
        pc.pageSize = 1000;
        crm.pageSize = 1000;
        for (int i = 1; i <= referrals; ++i) {
            SideRecord r;
            r.type = s("Shared");
            r.status = s("Active");
            r.values = {{s("name"), QStringLiteral("Deal %1").arg(i)},
                        {s("dealValue"), i},
                        {s("notes"), s("n")}};
            pc.put(r);
        }
    }
    PassReport pass(SyncPass::Mode mode = SyncPass::Mode::Full)
    {
        SyncPass p(context, mode);
        PassReport report;
        QEventLoop loop; // a benchmark may block; production code never does
        p.run([&](const PassReport &r) {
            report = r;
            loop.quit();
        });
        loop.exec();
        return report;
    }
    int requests() const { return crm.totalCalls() + pc.totalCalls(); }
};

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    const qsizetype i = std::min<qsizetype>(v.size() - 1, qsizetype(p * double(v.size())));
    return v.at(i);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const bool small = app.arguments().contains(s("--small"));
    const int edits = small ? 50 : 1000;
    const int initial = small ? 500 : 10000;
    const int pairs = small ? 2000 : 100000;
    bool ok = true;
    QJsonObject out {{s("transport"), s("in-memory sides, MemorySyncStore")}, {s("small"), small}};

    { // Propagation: PC edit -> CRM (webhook fast path), then CRM edit -> PC (sweep pass).
        World w(100);
        w.pass();
        w.pass();
        const QList<SideRecord> refs = w.pc.all();
        QList<double> toCrm, toPc;
        QElapsedTimer t;
        for (int i = 0; i < edits; ++i) {
            const SideRecord &r = refs.at(i % refs.size());
            t.start();
            w.pc.edit(r.id, s("dealValue"), 100000 + i);
            w.store.addInboxEvent(r.id);
            w.pass(SyncPass::Mode::InboxOnly);
            toCrm.append(double(t.nsecsElapsed()) / 1e6);
            const QString cid = w.store.linkByReferral(r.id)->crmId;
            if (w.crm.at(cid).values.value(s("dealValue")).toInt() != 100000 + i)
                ok = false;
            t.start();
            w.crm.edit(cid, s("notes"), QStringLiteral("edit %1").arg(i));
            w.pass();
            toPc.append(double(t.nsecsElapsed()) / 1e6);
            if (w.pc.at(r.id).values.value(s("notes")).toString()
                != QStringLiteral("edit %1").arg(i))
                ok = false;
        }
        const double p99 = std::max(percentile(toCrm, 0.99), percentile(toPc, 0.99));
        ok = ok && p99 < 1000;
        out.insert(s("propagation"),
                   QJsonObject {{s("edits"), edits},
                                {s("toCrmP50Ms"), percentile(toCrm, 0.5)},
                                {s("toCrmP99Ms"), percentile(toCrm, 0.99)},
                                {s("toPartnerCenterP50Ms"), percentile(toPc, 0.5)},
                                {s("toPartnerCenterP99Ms"), percentile(toPc, 0.99)},
                                {s("floorP99Ms"), 1000}});
    }
    { // Initial sync into an empty CRM.
        World w(initial);
        QElapsedTimer t;
        t.start();
        const PassReport r = w.pass();
        const double ms = double(t.nsecsElapsed()) / 1e6;
        const int crmWrites =
            w.crm.calls(s("createMany")) + w.crm.calls(s("create")) + w.crm.calls(s("update"));
        const double perRecord = double(crmWrites) / initial;
        ok = ok && perRecord < 0.05 && w.crm.count() == initial;
        out.insert(s("initialSync"),
                   QJsonObject {{s("referrals"), initial},
                                {s("wallMs"), ms},
                                {s("crmRecords"), w.crm.count()},
                                {s("crmWriteRequests"), crmWrites},
                                {s("crmWriteRequestsPerRecord"), perRecord},
                                {s("partnerCenterLinkBackRequests"), w.pc.calls(s("linkBack"))},
                                {s("writesDone"), r.writesDone},
                                {s("floorRequestsPerRecord"), 0.05}});
    }
    { // Steady state: 1% changed against 0.1% changed, same world, same run.
        World w(pairs);
        w.pass();
        w.pass();
        const QList<SideRecord> refs = w.pc.all();
        auto measure = [&w, &refs](int changed, int offset) {
            for (int i = 0; i < changed; ++i)
                w.pc.edit(refs.at((offset + i * 7) % refs.size()).id, s("dealValue"), -1 - i);
            const int before = w.requests();
            QElapsedTimer t;
            t.start();
            w.pass();
            w.pass(); // the echoes of our writes
            return std::pair {double(t.nsecsElapsed()) / 1e6, w.requests() - before};
        };
        const auto [msTenth, reqTenth] = measure(pairs / 1000, 1);
        const auto [msOne, reqOne] = measure(pairs / 100, 3);
        const double reqRatio = double(reqOne) / std::max(1, reqTenth);
        ok = ok && reqRatio < 30 && reqOne < pairs / 10;
        out.insert(s("steadyState"),
                   QJsonObject {{s("pairs"), pairs},
                                {s("onePercentMs"), msOne},
                                {s("onePercentRequests"), reqOne},
                                {s("tenthPercentMs"), msTenth},
                                {s("tenthPercentRequests"), reqTenth},
                                {s("requestRatio"), reqRatio},
                                {s("timeRatio"), msOne / std::max(0.001, msTenth)},
                                {s("expectedRatio"), 10}});
    }
    out.insert(s("ok"), ok);
    std::fputs(QJsonDocument(out).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputs("\n", stdout);
    return ok ? 0 : 1;
}
