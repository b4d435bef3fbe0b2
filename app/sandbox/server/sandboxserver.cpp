// SPDX-License-Identifier: MIT
#include "app/sandbox/server/sandboxserver.h"

#include "app/sandbox/logging.h"
#include "app/sandbox/server/sandboxhttpserver.h"
#include "app/sandbox/server/sandboxservice.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace cosell::sandbox {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QByteArrayLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QByteArrayLiteral("PATCH");
    case QHttpServerRequest::Method::Connect:
        return QByteArrayLiteral("CONNECT");
    case QHttpServerRequest::Method::Trace:
        return QByteArrayLiteral("TRACE");
    case QHttpServerRequest::Method::Unknown:
    case QHttpServerRequest::Method::AnyKnown:
        break;
    }
    return QByteArrayLiteral("UNKNOWN");
}

void writeResponse(QHttpServerResponder &responder, const SandboxResponse &response)
{
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    for (const auto &header : response.headers)
        responder.writeHeader(header.first, header.second);
    responder.writeHeader(QByteArrayLiteral("Content-Length"),
                          QByteArray::number(response.body.size()));
    responder.writeBody(response.body);
}

} // namespace

SandboxServer::SandboxServer(const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_tokens(m_clock)
{
    m_http = new SandboxHttpServer(
        [this](const QHttpServerRequest &request, QTcpSocket *socket) { handle(request, socket); },
        this);
}

SandboxServer::~SandboxServer()
{
    // Stop serving before the services go away; service-owned QObject helpers are children
    // of this server and are deleted after the services by ~QObject.
    delete m_http;
    m_http = nullptr;
}

bool SandboxServer::listen(quint16 port, const QHostAddress &address)
{
    m_port = m_http->listen(address, port);
    if (m_port == 0) {
        qCWarning(lcSandbox) << "cannot listen on" << address.toString() << port;
        return false;
    }
    m_origin = QStringLiteral("http://127.0.0.1:%1").arg(m_port);
    m_baseUrl = QUrl(m_origin);
    return true;
}

SandboxService *SandboxServer::addService(std::unique_ptr<SandboxService> service)
{
    SandboxService *raw = service.get();
    m_services.push_back(std::move(service));
    raw->registerRoutes(m_router);
    return raw;
}

SandboxService *SandboxServer::service(const QString &name) const
{
    for (const auto &service : m_services) {
        if (service->name() == name)
            return service.get();
    }
    return nullptr;
}

QList<SandboxService *> SandboxServer::services() const
{
    QList<SandboxService *> list;
    for (const auto &service : m_services)
        list.append(service.get());
    return list;
}

QList<QPair<QString, QString>> SandboxServer::baseUrls() const
{
    QList<QPair<QString, QString>> urls;
    for (const auto &service : m_services)
        urls += service->baseUrls();
    return urls;
}

QUrl SandboxServer::baseUrlOf(const QString &key) const
{
    for (const auto &[k, url] : baseUrls()) {
        if (k == key)
            return QUrl(url);
    }
    return {};
}

void SandboxServer::resetAll()
{
    for (const auto &service : m_services)
        service->reset();
    m_faults.clear();
    m_counters.clear();
}

void SandboxServer::seedAll(quint64 seed, int count, const QStringList &systems)
{
    m_lastSeed = seed;
    for (const auto &service : m_services) {
        if (systems.isEmpty() || systems.contains(service->name()))
            service->seed(seed, count);
    }
}

SandboxResponse SandboxServer::checkAuth(const SandboxRouter::Route &route, SandboxRequest &request)
{
    const QByteArray authorization = request.header("authorization");
    if (!authorization.startsWith("Bearer ") && !authorization.startsWith("bearer "))
        return route.service->unauthorized(request, QStringLiteral("Bearer token missing"));
    QString reason;
    const auto claims = m_tokens.validate(authorization.mid(7).trimmed(), &reason);
    if (!claims)
        return route.service->unauthorized(request, reason);
    const QString audience = TokenIssuer::normalizeAudience(claims->audience);
    bool audienceOk = false;
    for (const QString &accepted : route.auth.audiences)
        audienceOk = audienceOk || TokenIssuer::normalizeAudience(accepted) == audience;
    if (!audienceOk)
        return route.service->unauthorized(request, QStringLiteral("token audience not accepted"));
    if (route.auth.delegatedOnly && !claims->delegated())
        return route.service->unauthorized(request,
                                           QStringLiteral("app-only tokens are not supported"));
    request.claims = *claims;
    return SandboxResponse::empty(0);
}

SandboxResponse SandboxServer::dispatch(SandboxRequest &request, std::optional<Fault> *faultOut)
{
    if (request.body.size() > kMaxBodyBytes)
        return SandboxResponse::json(
            413, QJsonObject {{QStringLiteral("error"), QStringLiteral("request too large")}});
    bool pathKnown = false;
    const SandboxRouter::Route *route =
        m_router.match(request.method, request.path, &request.params, &pathKnown);
    if (!route) {
        m_counters.hit(QString::fromLatin1(request.method) + QStringLiteral(" <unmatched>"));
        const int status = pathKnown ? 405 : 404;
        return SandboxResponse::json(status,
                                     QJsonObject {{QStringLiteral("error"),
                                                   pathKnown ? QStringLiteral("method not allowed")
                                                             : QStringLiteral("not found")}});
    }
    const QString &key = route->key;
    m_counters.hit(key);
    std::optional<Fault> fault = m_faults.take(request.method, route->pattern, request.path);
    if (faultOut)
        *faultOut = fault;
    SandboxResponse response;
    if (fault && fault->status != 0) {
        response = route->service->errorResponse(fault->status, fault->retryAfterSeconds,
                                                 QStringLiteral("Injected fault"));
    } else {
        response = route->auth.audiences.isEmpty() ? SandboxResponse::empty(0)
                                                   : checkAuth(*route, request);
        if (response.status == 0)
            response = route->handler(request);
    }
    if (fault && fault->malformedBody)
        response.body = response.body.isEmpty() ? QByteArrayLiteral("{\"")
                                                : response.body.left(response.body.size() / 2);
    if (fault && fault->retryAfterSeconds >= 0)
        response.setHeader(QByteArrayLiteral("Retry-After"),
                           QByteArray::number(fault->retryAfterSeconds));
    Q_EMIT requestHandled(key, response.status);
    return response;
}

void SandboxServer::handle(const QHttpServerRequest &httpRequest, QTcpSocket *socket)
{
    SandboxRequest request;
    request.method = methodName(httpRequest.method());
    const QUrl url = httpRequest.url();
    request.path = url.path(QUrl::FullyDecoded);
    request.rawQuery = url.query(QUrl::FullyEncoded).toUtf8();
    request.query = SandboxRequest::parseForm(request.rawQuery);
    const auto headers = httpRequest.headers();
    for (const auto &header : headers) {
        const QByteArray name = header.first.toLower();
        auto it = request.headers.find(name);
        if (it == request.headers.end())
            request.headers.insert(name, header.second);
        else
            it.value() += QByteArrayLiteral(", ") + header.second;
    }
    request.body = httpRequest.body();
    request.baseUrl = baseUrl();

    // The responder writes status line, headers and body separately; without TCP_NODELAY
    // Nagle + delayed ACK add tens of milliseconds to every answer on loopback.
    if (socket->socketOption(QAbstractSocket::LowDelayOption).toInt() != 1)
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);

    std::optional<Fault> fault;
    const SandboxResponse response = dispatch(request, &fault);
    qCDebug(lcSandboxHttp) << request.method << request.path << response.status;

    const int delayMs = fault ? fault->delayMs : 0;
    const bool drop = fault && fault->dropConnection;
    if (delayMs <= 0) {
        if (drop) {
            socket->abort();
            return;
        }
        QHttpServerResponder responder = SandboxHttpServer::responderFor(httpRequest, socket);
        writeResponse(responder, response);
        return;
    }
    // Delayed answer: keep the responder alive until the timer fires; the socket may be gone
    // by then (client timeout), in which case nothing is written.
    auto responder = std::make_shared<QHttpServerResponder>(
        SandboxHttpServer::responderFor(httpRequest, socket));
    QPointer<QTcpSocket> guard(socket);
    QTimer::singleShot(delayMs, this, [responder, guard, response, drop]() {
        if (!guard || guard->state() != QAbstractSocket::ConnectedState)
            return;
        if (drop) {
            guard->abort();
            return;
        }
        writeResponse(*responder, response);
    });
}

} // namespace cosell::sandbox
