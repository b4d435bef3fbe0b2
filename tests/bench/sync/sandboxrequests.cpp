// SPDX-License-Identifier: MIT
#include "tests/bench/sync/sandboxrequests.h"

#include "app/sandbox/server/requestcounters.h"

namespace cosell::bench {

SandboxRequests SandboxRequests::of(const sandbox::RequestCounters &counters)
{
    SandboxRequests r;
    const QJsonObject all = counters.toJson();
    for (auto it = all.begin(); it != all.end(); ++it) {
        const QString &key = it.key(); // "GET /pc/v1.0/engagements/referrals/{id}"
        const auto n = qint64(it.value().toDouble());
        const qsizetype space = key.indexOf(u' ');
        const QStringView method = QStringView(key).left(space);
        const QStringView path = QStringView(key).mid(space + 1);
        const bool read = method == u"GET";
        // A pattern that ends in a capture names one record: .../{id} or .../set({key}).
        const bool one = path.endsWith(u'}') || path.endsWith(u')');
        qint64 *list = nullptr, *get = nullptr, *write = nullptr;
        if (path.startsWith(u"/pc/")) {
            list = &r.pcList, get = &r.pcGet, write = &r.pcWrite;
        } else if (path.startsWith(u"/dataverse/") || path.startsWith(u"/salesforce/")) {
            list = &r.crmList, get = &r.crmGet, write = &r.crmWrite;
        } else if (path.startsWith(u"/login") || path.startsWith(u"/sflogin")) {
            r.auth += n;
            continue;
        } else if (path.startsWith(u"/control")) {
            r.control += n;
            continue;
        } else {
            r.other += n;
            continue;
        }
        *(!read ? write : (one ? get : list)) += n;
    }
    return r;
}

QJsonObject SandboxRequests::routes(const QJsonObject &before, const QJsonObject &after)
{
    QJsonObject out;
    for (auto it = after.begin(); it != after.end(); ++it) {
        const qint64 n = qint64(it.value().toDouble() - before.value(it.key()).toDouble());
        const QString &key = it.key();
        if (n > 0
            && (key.contains(QLatin1String(" /pc/")) || key.contains(QLatin1String(" /dataverse/"))
                || key.contains(QLatin1String(" /salesforce/"))))
            out.insert(key, n);
    }
    return out;
}

SandboxRequests SandboxRequests::operator-(const SandboxRequests &b) const
{
    SandboxRequests d;
    d.pcList = pcList - b.pcList;
    d.pcGet = pcGet - b.pcGet;
    d.pcWrite = pcWrite - b.pcWrite;
    d.crmList = crmList - b.crmList;
    d.crmGet = crmGet - b.crmGet;
    d.crmWrite = crmWrite - b.crmWrite;
    d.auth = auth - b.auth;
    d.control = control - b.control;
    d.other = other - b.other;
    return d;
}

QJsonObject SandboxRequests::toJson() const
{
    return {{QStringLiteral("partnerCenter"),
             QJsonObject {{QStringLiteral("list"), pcList},
                          {QStringLiteral("get"), pcGet},
                          {QStringLiteral("write"), pcWrite},
                          {QStringLiteral("reads"), pcList + pcGet},
                          {QStringLiteral("writes"), pcWrite}}},
            {QStringLiteral("crm"),
             QJsonObject {{QStringLiteral("list"), crmList},
                          {QStringLiteral("get"), crmGet},
                          {QStringLiteral("write"), crmWrite},
                          {QStringLiteral("reads"), crmList + crmGet},
                          {QStringLiteral("writes"), crmWrite}}},
            {QStringLiteral("api"), api()},
            {QStringLiteral("auth"), auth},
            {QStringLiteral("other"), other}};
}

} // namespace cosell::bench
