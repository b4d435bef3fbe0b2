// SPDX-License-Identifier: MIT
// ReferralsService: the control side (Microsoft / seller acting on referrals).
#include "app/sandbox/partnercenter/jsonpatch.h"
#include "app/sandbox/partnercenter/referralfactory.h"
#include "app/sandbox/partnercenter/referralsservice.h"
#include "app/sandbox/server/sandboxserver.h"

#include <cmath>

#include <QJsonArray>
#include <QJsonDocument>

namespace cosell::sandbox {

SandboxResponse ReferralsService::controlCreate(SandboxRequest &request)
{
    bool ok = true;
    QJsonObject body;
    if (!request.body.trimmed().isEmpty()) {
        const QJsonDocument doc = request.jsonBody(&ok);
        ok = ok && doc.isObject();
        body = doc.object();
    }
    if (!ok)
        return SandboxResponse::json(
            400,
            QJsonObject {{QStringLiteral("error"), QStringLiteral("body must be a JSON object")}});
    const QDateTime now = server().clock().now();
    QJsonObject referral;
    if (body.contains(QStringLiteral("customerProfile"))) {
        referral = ReferralRules::normalizeKeys(body).toObject();
        const QString id = ReferralFactory::newGuid();
        referral = ReferralFactory::completeCreate(referral, now, id, referralsBase(), false);
        referral.insert(QStringLiteral("direction"), QStringLiteral("Incoming"));
        referral.insert(QStringLiteral("status"),
                        body.value(QStringLiteral("status")).toString(QStringLiteral("New")));
        referral.insert(
            QStringLiteral("substatus"),
            body.value(QStringLiteral("substatus")).toString(QStringLiteral("Received")));
    } else {
        // A generated incoming co-sell referral: deal `index` of a seed unlikely to collide.
        const int index = body.value(QStringLiteral("index")).toInt(int(m_store.size()));
        const quint64 seed = quint64(
            body.value(QStringLiteral("seed")).toDouble(double(server().lastSeed() + 7919)));
        SeedDeal deal = DataGenerator::deal(seed, index);
        deal.incoming = true;
        deal.statusIndex = 0;
        referral = ReferralFactory::fromDeal(deal, seed, referralsBase());
        if (m_store.find(deal.referralId))
            referral.insert(QStringLiteral("id"), ReferralFactory::newGuid());
        const QString stamp = ReferralFactory::formatTime(now);
        referral.insert(QStringLiteral("createdDateTime"), stamp);
        referral.insert(QStringLiteral("expirationDateTime"),
                        ReferralFactory::formatTime(now.addDays(14)));
        const QString id = referral.value(QStringLiteral("id")).toString();
        referral.insert(
            QStringLiteral("links"),
            ReferralFactory::links(id, referral.value(QStringLiteral("engagementId")).toString(),
                                   referralsBase()));
    }
    const QString id = referral.value(QStringLiteral("id")).toString();
    commit(referral, QStringLiteral("referral-created"));
    return SandboxResponse::raw(201, m_store.find(id)->json,
                                QByteArrayLiteral("application/json; charset=utf-8"));
}

SandboxResponse ReferralsService::controlEdit(SandboxRequest &request)
{
    const ReferralRow *row = m_store.find(request.param(QStringLiteral("id")));
    if (!row)
        return SandboxResponse::json(
            404, QJsonObject {{QStringLiteral("error"), QStringLiteral("unknown referral")}});
    bool ok = false;
    const QJsonDocument doc = request.jsonBody(&ok);
    if (!ok || !doc.isArray())
        return SandboxResponse::json(
            400,
            QJsonObject {
                {QStringLiteral("error"), QStringLiteral("body must be a JSON Patch array")}});
    QJsonObject next = row->object();
    const QString problem =
        JsonPatch::apply(&next, doc.array(), {}); // the service side may touch anything
    if (!problem.isEmpty())
        return SandboxResponse::json(400, QJsonObject {{QStringLiteral("error"), problem}});
    QString event = request.queryValue(QStringLiteral("event"));
    if (event.isEmpty())
        event = QStringLiteral("referral-updated");
    const QString id = row->id;
    commit(next, event);
    return SandboxResponse::raw(200, m_store.find(id)->json,
                                QByteArrayLiteral("application/json; charset=utf-8"));
}

SandboxResponse ReferralsService::controlExpire(SandboxRequest &)
{
    const QDateTime now = server().clock().now();
    const QString stamp = ReferralFactory::formatTime(now);
    QStringList expired;
    const auto rows = m_store.all();
    for (const ReferralRow *row : rows) {
        if (row->status != u"New" || row->direction != u"Incoming")
            continue;
        const QJsonObject referral = row->object();
        const QString expiration = referral.value(QStringLiteral("expirationDateTime")).toString();
        if (!expiration.isEmpty() && expiration <= stamp)
            expired.append(row->id);
    }
    for (const QString &id : expired) {
        QJsonObject referral = m_store.find(id)->object();
        referral.insert(QStringLiteral("status"), QStringLiteral("Closed"));
        referral.insert(QStringLiteral("substatus"), QStringLiteral("Expired"));
        referral.insert(QStringLiteral("closedDateTime"), stamp);
        commit(referral, QStringLiteral("referral-updated"));
    }
    return SandboxResponse::json(
        200, QJsonObject {{QStringLiteral("expired"), QJsonArray::fromStringList(expired)}});
}

void ReferralsService::demoTick(DataGenerator &random)
{
    const auto rows = m_store.all();
    const int action = random.range(0, 9);
    if (rows.isEmpty() || action == 0) {
        // Microsoft sends a new co-sell opportunity.
        SeedDeal deal =
            DataGenerator::deal(server().lastSeed() + 104729, int(random.range(0, 1000000)));
        deal.incoming = true;
        deal.statusIndex = 0;
        QJsonObject referral =
            ReferralFactory::fromDeal(deal, server().lastSeed(), referralsBase());
        if (m_store.find(deal.referralId))
            return;
        const QDateTime now = server().clock().now();
        referral.insert(QStringLiteral("createdDateTime"), ReferralFactory::formatTime(now));
        referral.insert(QStringLiteral("expirationDateTime"),
                        ReferralFactory::formatTime(now.addDays(14)));
        commit(referral, QStringLiteral("referral-created"));
        return;
    }
    const ReferralRow *row = rows.at(random.range(0, int(rows.size()) - 1));
    if (row->status == u"Closed")
        return;
    QJsonObject referral = row->object();
    const QString stamp = ReferralFactory::formatTime(server().clock().now());
    if (row->status == u"New" && action <= 2) {
        referral.insert(QStringLiteral("status"), QStringLiteral("Active"));
        referral.insert(QStringLiteral("substatus"), QStringLiteral("Accepted"));
        referral.insert(QStringLiteral("acceptedDateTime"), stamp);
    } else if (row->status == u"Active" && action == 3) {
        referral.insert(QStringLiteral("status"), QStringLiteral("Closed"));
        referral.insert(QStringLiteral("substatus"),
                        random.chance(0.6) ? QStringLiteral("Won") : QStringLiteral("Lost"));
        referral.insert(QStringLiteral("closedDateTime"), stamp);
    } else {
        static const char *stages[] = {"Qualify", "Develop", "Propose", "Close"};
        QJsonObject details = referral.value(QStringLiteral("details")).toObject();
        details.insert(QStringLiteral("dealValue"),
                       std::round(details.value(QStringLiteral("dealValue")).toDouble()
                                  * (0.9 + random.range(0, 30) / 100.0) / 500.0)
                           * 500.0);
        details.insert(
            QStringLiteral("notes"),
            QStringLiteral("Seller update %1: next meeting scheduled.").arg(random.range(1, 999)));
        referral.insert(QStringLiteral("details"), details);
        referral.insert(QStringLiteral("salesStage"), QLatin1String(stages[random.range(0, 3)]));
    }
    commit(referral, QStringLiteral("referral-updated"));
}

std::optional<SandboxResponse> ReferralsService::throttled(const SandboxRequest &request,
                                                           bool write)
{
    int retryAfter = 0;
    const QString user = request.claims.tenant + u'/' + request.claims.upn;
    if (m_throttle.admit(user, write, server().clock().now().toMSecsSinceEpoch(), &retryAfter))
        return std::nullopt;
    return errorResponse(429, retryAfter, QString());
}

SandboxResponse ReferralsService::controlThrottle(SandboxRequest &request)
{
    bool ok = false;
    const QJsonDocument doc = request.jsonBody(&ok);
    const QJsonObject body = doc.object();
    ReferralThrottle::Limits limits = m_throttle.limits();
    QString error = QStringLiteral("body must be a JSON object");
    if (!ok || !doc.isObject() || !limits.apply(body, &error))
        return SandboxResponse::json(400, QJsonObject {{QStringLiteral("error"), error}});
    const int next = body.value(QStringLiteral("next")).toInt(-1);
    const int retryAfter = body.value(QStringLiteral("retryAfter")).toInt(-1);
    if (body.contains(QStringLiteral("next")) && next < 0)
        return SandboxResponse::json(
            400, QJsonObject {{QStringLiteral("error"), QStringLiteral("next must be >= 0")}});
    m_throttle.setLimits(limits);
    if (next >= 0)
        m_throttle.throttleNext(next, retryAfter);
    return SandboxResponse::json(200, m_throttle.toJson());
}

} // namespace cosell::sandbox
