// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>

namespace cosell::sandbox {
class RequestCounters;
}

namespace cosell::bench {

// The sandbox's request counters (keyed "METHOD pattern") split by service and kind, so a
// benchmark says what it cost at the server, not what the client thinks it sent:
//   list  = a GET of a collection (a sweep / delta page, a query such as find-by-link);
//   get   = a GET of one record by id or key;
//   write = anything else (POST, PATCH, PUT, DELETE; a Dataverse $batch is one write).
// Token requests and the control API (the benchmark's own edits) are counted apart.
struct SandboxRequests
{
    qint64 pcList = 0, pcGet = 0, pcWrite = 0;
    qint64 crmList = 0, crmGet = 0, crmWrite = 0;
    qint64 auth = 0, control = 0, other = 0;

    static SandboxRequests of(const sandbox::RequestCounters &counters);

    qint64 pc() const { return pcList + pcGet + pcWrite; }
    qint64 crm() const { return crmList + crmGet + crmWrite; }
    // What the engine sent to the two APIs (no tokens, no control calls).
    qint64 api() const { return pc() + crm(); }
    // Requests about single records (reads by id and writes), not sweeps.
    qint64 perRecord() const { return pcGet + pcWrite + crmGet + crmWrite; }
    qint64 sweeps() const { return pcList + crmList; }

    SandboxRequests operator-(const SandboxRequests &before) const;
    // Per route ("METHOD pattern": count) between two RequestCounters::toJson() snapshots,
    // API routes only (what the split above sums up).
    static QJsonObject routes(const QJsonObject &before, const QJsonObject &after);
    QJsonObject toJson() const;
};

} // namespace cosell::bench
