// SPDX-License-Identifier: MIT
// Reads N referrals through ReferralsClient from the in-process sandbox and prints one JSON
// object: records/second and the requests used (ours and the sandbox's count).
// Usage: bench_connectors [records] (default 100000). The CRM half (opportunities and the
// batched-vs-single write ratio) is not implemented yet; the JSON says so.
#include "core/auth/oauthtokenprovider.h"
#include "core/partnercenter/referralsclient.h"
#include "tests/support/sandboxfixture.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cstdio>

using namespace cosell;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int records = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    test::SandboxFixture sandbox;
    if (!sandbox.start())
        return 2;
    sandbox.seed(1, records, {QStringLiteral("partnercenter")});
    OAuthTokenProvider tokens(sandbox.http(), sandbox.partnerCenterAuth(), OAuthTokenProvider::Grant::Delegated);
    if (!sandbox.signIn(tokens))
        return 3;
    ReferralsClient client(sandbox.http(), tokens, sandbox.referralsBaseUrl());
    sandbox.http().counters().reset();
    const qint64 sandboxBefore = sandbox.sandboxRequests(QStringLiteral("referrals"));

    int seen = 0;
    std::optional<Result<int>> pages;
    QElapsedTimer timer;
    timer.start();
    client.listAll({}, &app, [&](const QList<QJsonObject> &page) { seen += int(page.size()); return true; },
                   [&](Result<int> r) { pages = r; });
    if (!QTest::qWaitFor([&] { return pages.has_value(); }, 30 * 60 * 1000) || !pages->ok())
        return 4;
    const double seconds = timer.nsecsElapsed() / 1e9;
    const auto counters = sandbox.http().counters().total(Service::PartnerCenterReferrals);

    const QJsonObject out{
        {QStringLiteral("referrals"), QJsonObject{
             {QStringLiteral("records"), seen},
             {QStringLiteral("seconds"), seconds},
             {QStringLiteral("recordsPerSecond"), seconds > 0 ? seen / seconds : 0.0},
             {QStringLiteral("requests"), counters.requests},
             {QStringLiteral("sandboxRequests"), sandbox.sandboxRequests(QStringLiteral("referrals")) - sandboxBefore},
             {QStringLiteral("bytesReceived"), counters.bytesReceived},
         }},
        {QStringLiteral("opportunities"), QStringLiteral("not measured: CRM connectors not implemented yet")},
        {QStringLiteral("batchedWrites"), QStringLiteral("not measured: CRM connectors not implemented yet")},
    };
    std::fputs(QJsonDocument(out).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputs("\n", stdout);
    return seen == records ? 0 : 1;
}
