// SPDX-License-Identifier: MIT
#include "app/sandbox/dataverse/dataversebatch.h"

#include "app/sandbox/dataverse/dataverseerror.h"
#include "app/sandbox/dataverse/dataverseservice.h"

#include <QHash>
#include <QRegularExpression>
#include <QUuid>

namespace cosell::sandbox {
namespace {

struct Part
{
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray content;
};

QByteArray boundaryOf(const QByteArray &contentType)
{
    static const QRegularExpression rx(QStringLiteral("boundary=\"?([^\";]+)\"?"),
                                       QRegularExpression::CaseInsensitiveOption);
    const auto m = rx.match(QString::fromLatin1(contentType));
    return m.hasMatch() ? m.captured(1).toLatin1() : QByteArray();
}

void splitHead(const QByteArray &text, QHash<QByteArray, QByteArray> *headers, QByteArray *rest,
               QByteArray *firstLine)
{
    QByteArray t = text;
    t.replace("\r\n", "\n");
    qsizetype end = t.indexOf("\n\n");
    const QByteArray head = end < 0 ? t : t.left(end);
    *rest = end < 0 ? QByteArray() : t.mid(end + 2);
    QList<QByteArray> lines = head.split('\n');
    if (firstLine) {
        *firstLine = lines.isEmpty() ? QByteArray() : lines.takeFirst().trimmed();
    }
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            headers->insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
}

bool splitParts(const QByteArray &body, const QByteArray &boundary, QList<Part> *parts)
{
    if (boundary.isEmpty())
        return false;
    const QByteArray delimiter = "--" + boundary;
    QList<QByteArray> chunks;
    qsizetype pos = body.indexOf(delimiter);
    if (pos < 0)
        return false;
    bool closed = false;
    while (pos >= 0) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--") {
            closed = true;
            break;
        }
        const qsizetype next = body.indexOf(delimiter, pos);
        if (next < 0)
            break;
        chunks.append(body.mid(pos, next - pos).trimmed());
        pos = next;
    }
    for (const QByteArray &chunk : std::as_const(chunks)) {
        Part part;
        splitHead(chunk, &part.headers, &part.content, nullptr);
        parts->append(part);
    }
    return closed;
}

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 412:
        return "Precondition Failed";
    case 415:
        return "Unsupported Media Type";
    case 429:
        return "Too Many Requests";
    default:
        return "Error";
    }
}

QByteArray serialize(const SandboxResponse &r, const QByteArray &contentId)
{
    QByteArray out = "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n";
    if (!contentId.isEmpty())
        out += "Content-ID: " + contentId + "\r\n";
    out += "\r\nHTTP/1.1 " + QByteArray::number(r.status) + ' ' + reason(r.status) + "\r\n";
    for (const auto &h : r.headers)
        out += h.first + ": " + h.second + "\r\n";
    const QByteArray location = r.header("OData-EntityId");
    if (!location.isEmpty())
        out += "Location: " + location + "\r\n";
    out += "\r\n" + r.body + "\r\n";
    return out;
}

class Runner
{
public:
    Runner(DataverseService &service, const SandboxRequest &outer, const QString &apiRoot)
        : m_service(service)
        , m_outer(outer)
        , m_apiRoot(apiRoot)
    { }

    SandboxResponse runOne(const Part &part, bool inChangeSet)
    {
        QHash<QByteArray, QByteArray> headers;
        QByteArray body, requestLine;
        splitHead(part.content, &headers, &body, &requestLine);
        const QList<QByteArray> words = requestLine.split(' ');
        if (words.size() < 2)
            return DataverseError::response(
                400, QStringLiteral("0x80060888"),
                QStringLiteral("Malformed request line in batch part."));
        QString url = QString::fromUtf8(words[1]);
        // Content-ID references: "$1" at the start of the URL or as an @odata.bind value.
        static const QRegularExpression ref(QStringLiteral("^\\$(\\d+)"));
        const auto m = ref.match(url);
        if (m.hasMatch()) {
            if (!m_ids.contains(m.captured(1)))
                return missingReference(m.captured(0));
            url = m_ids.value(m.captured(1)) + url.mid(m.capturedLength(0));
        }
        static const QRegularExpression bindRef(QStringLiteral("\"\\$(\\d+)\""));
        QString text = QString::fromUtf8(body);
        for (auto it = bindRef.globalMatch(text); it.hasNext();) {
            const auto bm = it.next();
            if (!m_ids.contains(bm.captured(1)))
                return missingReference(u'$' + bm.captured(1));
        }
        for (auto it = m_ids.cbegin(); it != m_ids.cend(); ++it)
            text.replace(QStringLiteral("\"$") + it.key() + u'"', u'"' + it.value() + u'"');
        static const QRegularExpression root(
            QStringLiteral("^(?:https?://[^/]+)?(?:/dataverse)?/api/data/v\\d+\\.\\d+/"));
        url.remove(root);
        if (url.startsWith(u'/'))
            url.remove(0, 1);
        SandboxRequest inner;
        inner.method = words[0].toUpper();
        const qsizetype q = url.indexOf(u'?');
        inner.path = q < 0 ? url : url.left(q);
        inner.rawQuery = q < 0 ? QByteArray() : url.mid(q + 1).toUtf8();
        inner.headers = headers;
        if (!inner.headers.contains("prefer") && m_outer.headers.contains("prefer"))
            inner.headers.insert("prefer", m_outer.header("prefer"));
        inner.body = text.trimmed().toUtf8();
        inner.claims = m_outer.claims;
        inner.baseUrl = m_outer.baseUrl;
        if (inChangeSet && inner.method == "GET")
            return DataverseError::response(
                400, QStringLiteral("0x80060888"),
                QStringLiteral("GET requests are not allowed inside a change set."));
        if (inner.path == u"$batch")
            return DataverseError::response(400, QStringLiteral("0x80060888"),
                                            QStringLiteral("Batches cannot be nested."));
        SandboxResponse r = m_service.execute(inner, inner.path, m_apiRoot);
        const QByteArray contentId = part.headers.value("content-id");
        const QByteArray entityId = r.header("OData-EntityId");
        if (!contentId.isEmpty() && !entityId.isEmpty())
            m_ids.insert(QString::fromLatin1(contentId), QString::fromUtf8(entityId));
        return r;
    }

    static SandboxResponse missingReference(const QString &id)
    {
        return DataverseError::response(
            400, QStringLiteral("0x80060888"),
            QStringLiteral("Content-ID Reference: '%1' does not exist in the batch context.")
                .arg(id));
    }

private:
    DataverseService &m_service;
    const SandboxRequest &m_outer;
    QString m_apiRoot;
    QHash<QString, QString> m_ids; // Content-ID → entity URL
};

} // namespace

SandboxResponse DataverseBatch::run(DataverseService &service, const SandboxRequest &request,
                                    const QString &apiRoot)
{
    QList<Part> parts;
    if (!request.header("content-type").startsWith("multipart/mixed")
        || !splitParts(request.body, boundaryOf(request.header("content-type")), &parts)) {
        return DataverseError::response(
            400, QStringLiteral("0x80060888"),
            QStringLiteral(
                "The batch request must be a well-formed multipart/mixed body with a boundary."));
    }
    const bool continueOnError = request.header("prefer").contains("odata.continue-on-error");
    const QByteArray batchBoundary =
        "batchresponse_" + QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1();
    Runner runner(service, request, apiRoot);
    QByteArray out;
    int count = 0;
    for (const Part &part : std::as_const(parts)) {
        const QByteArray type = part.headers.value("content-type");
        if (type.startsWith("multipart/mixed")) {
            QList<Part> changes;
            if (!splitParts(part.content, boundaryOf(type), &changes))
                return DataverseError::response(400, QStringLiteral("0x80060888"),
                                                QStringLiteral("Malformed change set."));
            count += int(changes.size());
            if (count > kMaxRequests)
                break;
            const QByteArray csBoundary = "changesetresponse_"
                + QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1();
            QByteArray csOut;
            service.store().begin();
            std::optional<SandboxResponse> failure;
            for (const Part &change : std::as_const(changes)) {
                const SandboxResponse r = runner.runOne(change, true);
                if (r.status >= 400) {
                    failure = r;
                    break;
                }
                csOut +=
                    "--" + csBoundary + "\r\n" + serialize(r, change.headers.value("content-id"));
            }
            if (failure) {
                service.store().rollback();
                if (!continueOnError) {
                    SandboxResponse whole =
                        SandboxResponse::raw(400,
                                             "--" + batchBoundary + "\r\n" + serialize(*failure, {})
                                                 + "--" + batchBoundary + "--\r\n",
                                             "multipart/mixed; boundary=" + batchBoundary);
                    return DataverseError::addODataHeaders(whole);
                }
                out += "--" + batchBoundary + "\r\n" + serialize(*failure, {});
                continue;
            }
            service.store().commit();
            out += "--" + batchBoundary + "\r\nContent-Type: multipart/mixed; boundary="
                + csBoundary + "\r\n\r\n" + csOut + "--" + csBoundary + "--\r\n";
            continue;
        }
        if (++count > kMaxRequests)
            break;
        const SandboxResponse r = runner.runOne(part, false);
        if (r.status >= 400 && !continueOnError) {
            SandboxResponse whole = SandboxResponse::raw(
                400,
                "--" + batchBoundary + "\r\n" + serialize(r, {}) + "--" + batchBoundary + "--\r\n",
                "multipart/mixed; boundary=" + batchBoundary);
            return DataverseError::addODataHeaders(whole);
        }
        out += "--" + batchBoundary + "\r\n" + serialize(r, part.headers.value("content-id"));
    }
    if (count > kMaxRequests)
        return DataverseError::response(
            400, QStringLiteral("0x80060888"),
            QStringLiteral("The batch contains more than %1 requests.").arg(kMaxRequests));
    out += "--" + batchBoundary + "--\r\n";
    SandboxResponse whole =
        SandboxResponse::raw(200, out, "multipart/mixed; boundary=" + batchBoundary);
    return DataverseError::addODataHeaders(whole);
}

} // namespace cosell::sandbox
