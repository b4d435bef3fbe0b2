// SPDX-License-Identifier: MIT
#include "app/sandbox/partnercenter/referralsservice.h"

#include "app/sandbox/logging.h"
#include "app/sandbox/partnercenter/jsonpatch.h"
#include "app/sandbox/partnercenter/referralfactory.h"
#include "app/sandbox/server/sandboxserver.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace cosell::sandbox {

namespace {
const QString kBase = QStringLiteral("/pc/v1.0/engagements/referrals");
}

ReferralsService::ReferralsService(SandboxServer &server)
    : SandboxService(server)
{ }

QString ReferralsService::referralsBase() const
{
    return server().url(u"/pc/v1.0/engagements/referrals");
}

QList<QPair<QString, QString>> ReferralsService::baseUrls() const
{
    return {{QStringLiteral("partnercenter.referralsBaseUrl"), server().url(u"/pc")}};
}

void ReferralsService::reset()
{
    m_store.clear();
    m_config = PartnerCenterConfig();
    m_replays.clear();
    m_countCache.clear();
    m_throttle.reset();
}

void ReferralsService::seed(quint64 seed, int count)
{
    const QString base = referralsBase();
    for (int i = 0; i < count; ++i)
        m_store.put(ReferralRow::fromJson(
            ReferralFactory::fromDeal(DataGenerator::deal(seed, i), seed, base)));
    m_countCache.clear();
}

void ReferralsService::registerRoutes(SandboxRouter &router)
{
    const RouteAuth auth = RouteAuth::bearer({QLatin1String(kAudience)}, true);
    using Handler = SandboxResponse (ReferralsService::*)(SandboxRequest &);
    auto add = [&](const char *method, const QString &path, Handler handler) {
        const bool write = qstrcmp(method, "GET") != 0;
        router.add(this, method, path, auth, [this, handler, write](SandboxRequest &r) {
            if (auto refused = throttled(r, write))
                return withHeaders(std::move(*refused), r);
            return withHeaders((this->*handler)(r), r);
        });
    };
    add("GET", kBase, &ReferralsService::list);
    add("POST", kBase, &ReferralsService::create);
    add("GET", kBase + QStringLiteral("/{id}"), &ReferralsService::get);
    add("PUT", kBase + QStringLiteral("/{id}"), &ReferralsService::put);
    add("PATCH", kBase + QStringLiteral("/{id}"), &ReferralsService::patch);

    const RouteAuth open = RouteAuth::anonymous();
    router.add(this, "GET", QStringLiteral("/control/partnercenter/config"), open,
               [this](SandboxRequest &) { return SandboxResponse::json(200, m_config.toJson()); });
    router.add(
        this, "PUT", QStringLiteral("/control/partnercenter/config"), open,
        [this](SandboxRequest &r) {
            bool ok = false;
            const QJsonDocument doc = r.jsonBody(&ok);
            QString message = QStringLiteral("body must be a JSON object");
            if (!ok || !doc.isObject() || !m_config.apply(doc.object(), &message))
                return SandboxResponse::json(400, QJsonObject {{QStringLiteral("error"), message}});
            return SandboxResponse::json(200, m_config.toJson());
        });
    router.add(this, "POST", QStringLiteral("/control/partnercenter/referrals"), open,
               [this](SandboxRequest &r) { return controlCreate(r); });
    router.add(this, "POST", QStringLiteral("/control/partnercenter/referrals/{id}/edit"), open,
               [this](SandboxRequest &r) { return controlEdit(r); });
    router.add(
        this, "GET", QStringLiteral("/control/partnercenter/throttle"), open,
        [this](SandboxRequest &) { return SandboxResponse::json(200, m_throttle.toJson()); });
    router.add(this, "PUT", QStringLiteral("/control/partnercenter/throttle"), open,
               [this](SandboxRequest &r) { return controlThrottle(r); });
    router.add(this, "POST", QStringLiteral("/control/partnercenter/expire"), open,
               [this](SandboxRequest &r) { return controlExpire(r); });
}

SandboxResponse ReferralsService::error(int status, const QString &code,
                                        const QString &message) const
{
    return SandboxResponse::json(
        status,
        QJsonObject {{QStringLiteral("error"),
                      QJsonObject {{QStringLiteral("code"), code},
                                   {QStringLiteral("message"), message.left(1024)},
                                   {QStringLiteral("target"), QStringLiteral("referral")}}}});
}

SandboxResponse ReferralsService::unauthorized(const SandboxRequest &request,
                                               const QString &reason) const
{
    SandboxResponse response =
        withHeaders(error(401, QStringLiteral("unauthenticated"), reason), request);
    response.setHeader(QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer"));
    return response;
}

SandboxResponse ReferralsService::errorResponse(int status, int retryAfterSeconds,
                                                const QString &message) const
{
    SandboxResponse response;
    if (status == 429) {
        const int seconds = retryAfterSeconds >= 0 ? retryAfterSeconds : 30;
        response = SandboxResponse::json(
            429,
            QJsonObject {
                {QStringLiteral("statusCode"), 429},
                {QStringLiteral("message"),
                 QStringLiteral("Rate limit is exceeded. Try again in %1 seconds.").arg(seconds)}});
        response.setHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(seconds));
        return response;
    }
    QString code = QStringLiteral("generalException");
    if (status == 503)
        code = QStringLiteral("serviceNotAvailable");
    else if (status == 404)
        code = QStringLiteral("itemNotFound");
    else if (status == 400)
        code = QStringLiteral("invalidRequest");
    else if (status == 403)
        code = QStringLiteral("accessDenied");
    else if (status == 412)
        code = QStringLiteral("preconditionFailed");
    response = error(status, code, message);
    if (retryAfterSeconds >= 0)
        response.setHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfterSeconds));
    return response;
}

SandboxResponse ReferralsService::withHeaders(SandboxResponse response,
                                              const SandboxRequest &request) const
{
    QByteArray correlation = request.header("ms-correlationid");
    if (correlation.isEmpty())
        correlation = request.header("client-request-id");
    if (!correlation.isEmpty()) {
        response.setHeader(QByteArrayLiteral("MS-CorrelationId"), correlation);
        response.setHeader(QByteArrayLiteral("client-request-id"), correlation);
    }
    const QByteArray requestId = request.header("ms-requestid");
    response.setHeader(QByteArrayLiteral("MS-RequestId"),
                       requestId.isEmpty() ? m_requestIds.next() : requestId);
    response.setHeader(QByteArrayLiteral("Request-ID"), m_requestIds.next());
    return response;
}

SandboxResponse ReferralsService::entity(int status, const ReferralRow &row) const
{
    // The prefix depends only on the port: build it once per listen, not per request.
    if (m_entityContextPort != server().port() || m_entityContext.isEmpty()) {
        m_entityContextPort = server().port();
        m_entityContext = QByteArrayLiteral("{\"@odata.context\":\"") + referralsBase().toUtf8()
            + QByteArrayLiteral("/$metadata#Referrals/$entity\",");
    }
    QByteArray body;
    body.reserve(m_entityContext.size() + row.json.size());
    body.append(m_entityContext).append(QByteArrayView(row.json).sliced(1));
    SandboxResponse response =
        SandboxResponse::raw(status, body, QByteArrayLiteral("application/json; charset=utf-8"));
    response.setHeader(QByteArrayLiteral("ETag"), row.eTag.toUtf8());
    return response;
}

bool ReferralsService::visible(const ReferralRow &row, const SandboxRequest &request) const
{
    if (!request.claims.roles.contains(QStringLiteral("Referrals User"))
        || request.claims.roles.contains(QStringLiteral("Referrals Admin")))
        return true;
    for (const QString &email : row.teamEmails) {
        if (email.compare(request.claims.upn, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool ReferralsService::mayWrite(const ReferralRow &row, const SandboxRequest &request) const
{
    return visible(row, request);
}

bool ReferralsService::etagMatches(const QByteArray &ifMatch, const QString &eTag)
{
    const auto bare = [](QByteArray value) {
        value = value.trimmed();
        if (value.startsWith("W/"))
            value = value.mid(2);
        if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
            value = value.mid(1, value.size() - 2);
        return value;
    };
    return ifMatch.trimmed() == "*" || bare(ifMatch) == bare(eTag.toUtf8());
}

void ReferralsService::applyStatusStamps(QJsonObject *referral, const QString &oldStatus,
                                         const QString &stamp)
{
    const QString status = referral->value(QStringLiteral("status")).toString();
    if (status == oldStatus)
        return;
    if (status == u"Active" && referral->value(QStringLiteral("acceptedDateTime")).isNull())
        referral->insert(QStringLiteral("acceptedDateTime"), stamp);
    if (status == u"Closed")
        referral->insert(QStringLiteral("closedDateTime"), stamp);
}

void ReferralsService::commit(QJsonObject referral, const QString &eventName)
{
    const QString stamp = ReferralFactory::formatTime(server().clock().now());
    // updatedDateTime must move forward even when two writes fall in the same millisecond,
    // or keyset paging by updatedDateTime would not see the second one as newer.
    const ReferralRow *old = m_store.find(referral.value(QStringLiteral("id")).toString());
    QString updated = stamp;
    if (old && old->updatedDateTime >= updated) {
        const QDateTime previous =
            QDateTime::fromString(old->updatedDateTime.left(23) + u'Z', Qt::ISODateWithMs);
        updated = ReferralFactory::formatTime(previous.addMSecs(1));
    }
    referral.insert(QStringLiteral("updatedDateTime"), updated);
    referral.insert(QStringLiteral("eTag"), ReferralFactory::newETag());
    const QString id = referral.value(QStringLiteral("id")).toString();
    m_store.put(ReferralRow::fromJson(referral));
    qCDebug(lcSandboxPartnerCenter) << eventName << id;
    for (const auto &listener : m_listeners)
        listener(eventName, id);
}

SandboxResponse ReferralsService::get(SandboxRequest &request)
{
    const ReferralRow *row = m_store.find(request.param(QStringLiteral("id")));
    if (!row || !visible(*row, request))
        return error(404, QStringLiteral("itemNotFound"),
                     QStringLiteral("The referral was not found."));
    return entity(200, *row);
}

SandboxResponse ReferralsService::create(SandboxRequest &request)
{
    const QString requestId = QString::fromLatin1(request.header("ms-requestid"));
    const QDateTime now = server().clock().now();
    if (!requestId.isEmpty()) {
        auto it = m_replays.constFind(requestId);
        if (it != m_replays.constEnd() && it->expires > now)
            return it->response; // same MS-RequestId within 24 h: replay, do not create twice
    }
    bool ok = false;
    const QJsonDocument doc = request.jsonBody(&ok);
    if (!ok || !doc.isObject())
        return error(400, QStringLiteral("invalidRequest"),
                     QStringLiteral("The request body must be a JSON referral object."));
    QJsonObject input = ReferralRules::normalizeKeys(doc.object()).toObject();
    const QString problem = ReferralRules::validateCreate(input, m_config);
    if (!problem.isEmpty())
        return error(400, QStringLiteral("invalidRequest"), problem);
    const QString id = ReferralFactory::newGuid();
    QJsonObject referral = ReferralFactory::completeCreate(input, now, id, referralsBase(),
                                                           m_config.outgoingBecomesActive);
    if (!m_config.outgoingBecomesActive) {
        const QString error = ReferralRules::validateTransition(
            QStringLiteral("None"), QStringLiteral("None"),
            referral.value(QStringLiteral("status")).toString(),
            referral.value(QStringLiteral("substatus")).toString());
        if (!error.isEmpty())
            return this->error(400, QStringLiteral("invalidRequest"), error);
    }
    referral.insert(QStringLiteral("updatedDateTime"),
                    referral.value(QStringLiteral("createdDateTime")));
    m_store.put(ReferralRow::fromJson(referral));
    for (const auto &listener : m_listeners)
        listener(QStringLiteral("referral-created"), id);
    const SandboxResponse response =
        entity(m_config.createReturns201 ? 201 : 200, *m_store.find(id));
    if (!requestId.isEmpty())
        m_replays.insert(requestId, Replay {now.addDays(1), id, response});
    return response;
}

SandboxResponse ReferralsService::put(SandboxRequest &request)
{
    const ReferralRow *row = m_store.find(request.param(QStringLiteral("id")));
    if (!row)
        return error(404, QStringLiteral("itemNotFound"),
                     QStringLiteral("The referral was not found."));
    // A Referrals User off the team cannot see it (GET 404) and may not write it (403).
    if (!mayWrite(*row, request))
        return error(403, QStringLiteral("accessDenied"),
                     QStringLiteral("You are not on the referral team."));
    const QByteArray ifMatch = request.header("if-match");
    if (ifMatch.isEmpty())
        return error(400, QStringLiteral("invalidRequest"),
                     QStringLiteral("The If-Match header is required."));
    if (!etagMatches(ifMatch, row->eTag))
        return error(412, QStringLiteral("preconditionFailed"),
                     QStringLiteral("The resource has been modified since it was last read. Get "
                                    "the latest eTag and retry."));
    bool ok = false;
    const QJsonDocument doc = request.jsonBody(&ok);
    if (!ok || !doc.isObject())
        return error(400, QStringLiteral("invalidRequest"),
                     QStringLiteral("The request body must be a JSON referral object."));
    const QJsonObject old = row->object();
    QJsonObject next = ReferralRules::normalizeKeys(doc.object()).toObject();
    for (const QString &key : ReferralRules::readOnlyProperties())
        next.insert(key, old.value(key)); // read-only and links: ignored, kept from the stored one
    for (const char *key : {"type", "customerProfile", "consent", "details"}) {
        if (!next.contains(QLatin1String(key)) || next.value(QLatin1String(key)).isNull())
            return error(400, QStringLiteral("invalidRequest"),
                         QStringLiteral("The %1 field is required.").arg(QLatin1String(key)));
    }
    QString problem = ReferralRules::validateEnums(next);
    if (problem.isEmpty())
        problem = ReferralRules::validateTransition(
            row->status, row->substatus, next.value(QStringLiteral("status")).toString(row->status),
            next.value(QStringLiteral("substatus")).toString(row->substatus));
    if (!problem.isEmpty())
        return error(400, QStringLiteral("invalidRequest"), problem);
    ReferralFactory::fillDefaults(&next);
    applyStatusStamps(&next, row->status, ReferralFactory::formatTime(server().clock().now()));
    const QString id = row->id;
    commit(next, QStringLiteral("referral-updated"));
    return entity(200, *m_store.find(id));
}

SandboxResponse ReferralsService::patch(SandboxRequest &request)
{
    const ReferralRow *row = m_store.find(request.param(QStringLiteral("id")));
    if (!row)
        return error(404, QStringLiteral("itemNotFound"),
                     QStringLiteral("The referral was not found."));
    // A Referrals User off the team cannot see it (GET 404) and may not write it (403).
    if (!mayWrite(*row, request))
        return error(403, QStringLiteral("accessDenied"),
                     QStringLiteral("You are not on the referral team."));
    const QByteArray ifMatch = request.header("if-match");
    if (!ifMatch.isEmpty() && !etagMatches(ifMatch, row->eTag))
        return error(412, QStringLiteral("preconditionFailed"),
                     QStringLiteral("The resource has been modified since it was last read. Get "
                                    "the latest eTag and retry."));
    bool ok = false;
    const QJsonDocument doc = request.jsonBody(&ok);
    if (!ok || !doc.isArray())
        return error(400, QStringLiteral("invalidRequest"),
                     QStringLiteral("The request body must be a JSON Patch array."));
    QJsonObject next = row->object();
    const QString problem = JsonPatch::apply(&next, doc.array(), [](const QStringList &tokens) {
        return ReferralRules::readOnlyProperties().contains(tokens.first())
            ? QStringLiteral("The property '%1' is read-only.").arg(tokens.first())
            : QString();
    });
    if (!problem.isEmpty())
        return error(400, QStringLiteral("invalidRequest"), problem);
    QString rule = ReferralRules::validateEnums(next);
    if (rule.isEmpty())
        rule = ReferralRules::validateTransition(
            row->status, row->substatus, next.value(QStringLiteral("status")).toString(),
            next.value(QStringLiteral("substatus")).toString());
    if (!rule.isEmpty())
        return error(400, QStringLiteral("invalidRequest"), rule);
    applyStatusStamps(&next, row->status, ReferralFactory::formatTime(server().clock().now()));
    const QString id = row->id;
    commit(next, QStringLiteral("referral-updated"));
    if (request.header("prefer").contains("return=representation"))
        return entity(200, *m_store.find(id));
    return SandboxResponse::empty(204);
}

} // namespace cosell::sandbox
