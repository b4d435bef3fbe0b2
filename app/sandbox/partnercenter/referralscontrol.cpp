// SPDX-License-Identifier: MIT
// ReferralsService: the control side (Microsoft / seller acting on referrals).
#include "app/sandbox/partnercenter/jsonpatch.h"
#include "app/sandbox/partnercenter/referralfactory.h"
#include "app/sandbox/partnercenter/referralsservice.h"
#include "app/sandbox/server/sandboxserver.h"

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
        return SandboxResponse::json(400, QJsonObject{{QStringLiteral("error"), QStringLiteral("body must be a JSON object")}});
    const QDateTime now = server().clock().now();
    QJsonObject referral;
    if (body.contains(QStringLiteral("customerProfile"))) {
        referral = ReferralRules::normalizeKeys(body).toObject();
        const QString id = ReferralFactory::newGuid();
        referral = ReferralFactory::completeCreate(referral, now, id, referralsBase(), false);
        referral.insert(QStringLiteral("direction"), QStringLiteral("Incoming"));
        referral.insert(QStringLiteral("status"), body.value(QStringLiteral("status")).toString(QStringLiteral("New")));
        referral.insert(QStringLiteral("substatus"), body.value(QStringLiteral("substatus")).toString(QStringLiteral("Received")));
    } else {
        // A generated incoming co-sell referral: deal `index` of a seed unlikely to collide.
        const int index = body.value(QStringLiteral("index")).toInt(int(m_store.size()));
        const quint64 seed = quint64(body.value(QStringLiteral("seed")).toDouble(double(server().lastSeed() + 7919)));
        SeedDeal deal = DataGenerator::deal(seed, index);
        deal.incoming = true;
        deal.statusIndex = 0;
        referral = ReferralFactory::fromDeal(deal, seed, referralsBase());
        if (m_store.find(deal.referralId))
            referral.insert(QStringLiteral("id"), ReferralFactory::newGuid());
        const QString stamp = ReferralFactory::formatTime(now);
        referral.insert(QStringLiteral("createdDateTime"), stamp);
        referral.insert(QStringLiteral("expirationDateTime"), ReferralFactory::formatTime(now.addDays(14)));
        const QString id = referral.value(QStringLiteral("id")).toString();
        referral.insert(QStringLiteral("links"), ReferralFactory::links(id, referral.value(QStringLiteral("engagementId")).toString(), referralsBase()));
    }
    const QString id = referral.value(QStringLiteral("id")).toString();
    commit(referral, QStringLiteral("referral-created"));
    return SandboxResponse::raw(201, m_store.find(id)->json, QByteArrayLiteral("application/json; charset=utf-8"));
}

SandboxResponse ReferralsService::controlEdit(SandboxRequest &request)
{
    const ReferralRow *row = m_store.find(request.param(QStringLiteral("id")));
    if (!row)
        return SandboxResponse::json(404, QJsonObject{{QStringLiteral("error"), QStringLiteral("unknown referral")}});
    bool ok = false;
    const QJsonDocument doc = request.jsonBody(&ok);
    if (!ok || !doc.isArray())
        return SandboxResponse::json(400, QJsonObject{{QStringLiteral("error"), QStringLiteral("body must be a JSON Patch array")}});
    QJsonObject next = row->object();
    const QString problem = JsonPatch::apply(&next, doc.array(), {}); // the service side may touch anything
    if (!problem.isEmpty())
        return SandboxResponse::json(400, QJsonObject{{QStringLiteral("error"), problem}});
    QString event = request.queryValue(QStringLiteral("event"));
    if (event.isEmpty())
        event = QStringLiteral("referral-updated");
    const QString id = row->id;
    commit(next, event);
    return SandboxResponse::raw(200, m_store.find(id)->json, QByteArrayLiteral("application/json; charset=utf-8"));
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
    return SandboxResponse::json(200, QJsonObject{{QStringLiteral("expired"), QJsonArray::fromStringList(expired)}});
}

} // namespace cosell::sandbox
