// SPDX-License-Identifier: MIT
#include "app/sandbox/control/controlservice.h"

#include "app/sandbox/server/sandboxserver.h"

#include <QJsonArray>
#include <QJsonObject>

namespace cosell::sandbox {

namespace {
SandboxResponse badRequest(const QString &message)
{
    return SandboxResponse::json(400, QJsonObject {{QStringLiteral("error"), message}});
}

QJsonObject objectBody(const SandboxRequest &request, bool *ok)
{
    if (request.body.trimmed().isEmpty()) {
        *ok = true;
        return {};
    }
    const QJsonDocument doc = request.jsonBody(ok);
    *ok = *ok && doc.isObject();
    return doc.object();
}
} // namespace

QList<QPair<QString, QString>> ControlService::baseUrls() const
{
    return {{QStringLiteral("sandbox.control"), server().url(u"/control")}};
}

void ControlService::registerRoutes(SandboxRouter &router)
{
    const RouteAuth open = RouteAuth::anonymous();
    router.add(this, "POST", QStringLiteral("/control/reset"), open, [this](SandboxRequest &) {
        server().resetAll();
        return SandboxResponse::empty(204);
    });
    router.add(this, "POST", QStringLiteral("/control/seed"), open,
               [this](SandboxRequest &request) {
                   bool ok = false;
                   const QJsonObject body = objectBody(request, &ok);
                   if (!ok)
                       return badRequest(QStringLiteral("body must be a JSON object"));
                   const int records = body.value(QStringLiteral("records")).toInt(10);
                   if (records < 0 || records > 1000000)
                       return badRequest(QStringLiteral("records must be within 0..1000000"));
                   const quint64 seed = quint64(body.value(QStringLiteral("seed")).toDouble(1));
                   QStringList systems;
                   const QJsonArray list = body.value(QStringLiteral("systems")).toArray();
                   for (const QJsonValue &value : list)
                       systems.append(value.toString());
                   if (body.value(QStringLiteral("reset")).toBool(true))
                       server().resetAll();
                   server().seedAll(seed, records, systems);
                   return SandboxResponse::json(200,
                                                QJsonObject {{QStringLiteral("seed"), double(seed)},
                                                             {QStringLiteral("records"), records}});
               });
    router.add(this, "GET", QStringLiteral("/control/counters"), open, [this](SandboxRequest &) {
        return SandboxResponse::json(200, server().counters().toJson());
    });
    router.add(this, "DELETE", QStringLiteral("/control/counters"), open, [this](SandboxRequest &) {
        server().counters().clear();
        return SandboxResponse::empty(204);
    });
    router.add(this, "GET", QStringLiteral("/control/faults"), open, [this](SandboxRequest &) {
        QJsonArray array;
        for (const Fault &fault : server().faults().faults())
            array.append(fault.toJson());
        return SandboxResponse::json(200, array);
    });
    router.add(this, "POST", QStringLiteral("/control/faults"), open,
               [this](SandboxRequest &request) {
                   bool ok = false;
                   const QJsonObject body = objectBody(request, &ok);
                   if (!ok)
                       return badRequest(QStringLiteral("body must be a JSON object"));
                   QString error;
                   const auto fault = Fault::fromJson(body, &error);
                   if (!fault)
                       return badRequest(error);
                   server().faults().add(*fault);
                   return SandboxResponse::json(201, fault->toJson());
               });
    router.add(this, "DELETE", QStringLiteral("/control/faults"), open, [this](SandboxRequest &) {
        server().faults().clear();
        return SandboxResponse::empty(204);
    });
    router.add(
        this, "GET", QStringLiteral("/control/tokens/lifetime"), open, [this](SandboxRequest &) {
            return SandboxResponse::json(
                200,
                QJsonObject {{QStringLiteral("seconds"), server().tokens().lifetimeSeconds()}});
        });
    router.add(
        this, "PUT", QStringLiteral("/control/tokens/lifetime"), open,
        [this](SandboxRequest &request) {
            bool ok = false;
            const QJsonObject body = objectBody(request, &ok);
            const int seconds = body.value(QStringLiteral("seconds")).toInt(-1);
            if (!ok || seconds < 1 || seconds > 86400 * 30)
                return badRequest(QStringLiteral("seconds must be within 1..2592000"));
            server().tokens().setLifetimeSeconds(seconds);
            return SandboxResponse::json(200, QJsonObject {{QStringLiteral("seconds"), seconds}});
        });
    router.add(this, "POST", QStringLiteral("/control/clock/advance"), open,
               [this](SandboxRequest &request) {
                   bool ok = false;
                   const QJsonObject body = objectBody(request, &ok);
                   const double seconds = body.value(QStringLiteral("seconds")).toDouble(-1);
                   if (!ok || seconds < 0)
                       return badRequest(QStringLiteral("seconds must be a non-negative number"));
                   server().clock().advance(qint64(seconds * 1000));
                   return SandboxResponse::json(
                       200,
                       QJsonObject {{QStringLiteral("now"),
                                     server().clock().now().toString(Qt::ISODateWithMs)}});
               });
    router.add(this, "GET", QStringLiteral("/control/urls"), open, [this](SandboxRequest &) {
        QJsonObject urls;
        const auto list = server().baseUrls();
        for (const auto &entry : list)
            urls.insert(entry.first, entry.second);
        return SandboxResponse::json(200, urls);
    });
}

} // namespace cosell::sandbox
