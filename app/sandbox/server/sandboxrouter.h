// SPDX-License-Identifier: MIT
#pragma once

#include "app/sandbox/server/sandboxrequest.h"
#include "app/sandbox/server/sandboxresponse.h"

#include <functional>

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVarLengthArray>

namespace cosell::sandbox {

class SandboxService;

// Who may call a route. Empty audiences = anonymous (token endpoints, control API, cert).
struct RouteAuth
{
    QStringList audiences; // a token must carry one of these (trailing '/' ignored)
    bool delegatedOnly = false; // app-only tokens are refused (Partner Center referrals)

    static RouteAuth anonymous() { return {}; }
    static RouteAuth bearer(const QStringList &audiences, bool delegatedOnly = false)
    {
        return RouteAuth {audiences, delegatedOnly};
    }
};

// Method + path pattern → handler. Patterns are '/'-separated; a segment may hold one
// capture with optional literal text around it: "/pc/v1.0/engagements/referrals/{id}",
// "/dataverse/api/data/v9.2/opportunities({key})", and a last segment "{rest*}" captures the
// remaining path (slashes included). Literal segments win over captures when both match
// (routes are tried in registration order within the same literal-ness score).
// Routes are bucketed by their first literal segment, so a request only looks at the routes
// of its own area (a handful) instead of all of them.
class SandboxRouter final
{
public:
    using Handler = std::function<SandboxResponse(SandboxRequest &)>;

    struct Route
    {
        QByteArray method; // "GET", ...
        QString pattern; // as registered; also the key of counters and faults
        RouteAuth auth;
        Handler handler;
        SandboxService *service = nullptr;
        QString key; // "GET /pc/v1.0/...": counters and signals, built once
    };

    void add(SandboxService *service, const QByteArray &method, const QString &pattern,
             const RouteAuth &auth, Handler handler);

    // The best matching route, with captures written to *params; nullptr if none.
    // *pathKnown says whether some route has this path with another method (→ 405).
    const Route *match(const QByteArray &method, const QString &path,
                       QHash<QString, QString> *params, bool *pathKnown) const;

    const QList<Route> &routes() const { return m_routes; }

private:
    struct Segment
    {
        QString prefix; // literal text, or the text before the capture
        QString name; // capture name; empty for a literal segment
        QString suffix;
        bool rest = false;
    };
    struct Compiled
    {
        QList<Segment> segments;
        int literalCount = 0;
    };

    using Parts = QVarLengthArray<QStringView, 16>;
    static Compiled compile(const QString &pattern);
    static bool matches(const Compiled &compiled, const Parts &parts,
                        QHash<QString, QString> *params);

    QList<Route> m_routes;
    QList<Compiled> m_compiled;
    QHash<QString, QList<int>> m_byFirstSegment; // literal first segment → route indexes, ascending
    QList<int> m_otherFirst; // routes whose first segment is not a plain literal
};

} // namespace cosell::sandbox
