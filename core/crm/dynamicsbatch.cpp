// SPDX-License-Identifier: MIT
#include "core/crm/dynamicsbatch.h"

#include "core/net/serviceerror.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace cosell {
namespace {

struct Part
{
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray content;
};

// Splits "head\r\n\r\ncontent" (LF-only tolerated); header names lower-cased.
void splitHead(const QByteArray &text, QHash<QByteArray, QByteArray> *headers, QByteArray *content,
               QByteArray *firstLine)
{
    qsizetype end = text.indexOf("\r\n\r\n");
    qsizetype skip = 4;
    const qsizetype lf = text.indexOf("\n\n");
    if (end < 0 || (lf >= 0 && lf < end)) {
        end = lf;
        skip = 2;
    }
    const QByteArray head = end < 0 ? text : text.left(end);
    *content = end < 0 ? QByteArray() : text.mid(end + skip);
    bool first = firstLine != nullptr;
    for (QByteArray line : head.split('\n')) {
        line = line.trimmed();
        if (first) {
            *firstLine = line;
            first = false;
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            headers->insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
}

QByteArray boundaryOf(const QByteArray &contentType)
{
    const qsizetype at = contentType.indexOf("boundary=");
    if (at < 0)
        return {};
    QByteArray b = contentType.mid(at + 9);
    const qsizetype semi = b.indexOf(';');
    if (semi >= 0)
        b.truncate(semi);
    b = b.trimmed();
    if (b.size() >= 2 && b.startsWith('"') && b.endsWith('"'))
        b = b.mid(1, b.size() - 2);
    return b;
}

// The parts between "--boundary" lines, up to "--boundary--". False if unterminated.
bool splitParts(const QByteArray &body, const QByteArray &boundary, QList<Part> *parts)
{
    if (boundary.isEmpty())
        return false;
    const QByteArray delimiter = "--" + boundary;
    qsizetype pos = body.indexOf(delimiter);
    while (pos >= 0) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--")
            return true;
        const qsizetype next = body.indexOf(delimiter, pos);
        if (next < 0)
            return false;
        Part part;
        splitHead(body.mid(pos, next - pos).trimmed(), &part.headers, &part.content, nullptr);
        parts->append(part);
        pos = next;
    }
    return false;
}

Error malformed(const QString &detail)
{
    return malformedJson(Service::Dataverse, QStringLiteral("POST $batch"), detail);
}

// An application/http part's inner response → one write result.
Result<CrmWriteResult> resultOf(const Part &part, const QString &idField)
{
    QHash<QByteArray, QByteArray> headers;
    QByteArray body;
    QByteArray statusLine;
    splitHead(part.content, &headers, &body, &statusLine);
    const QList<QByteArray> words = statusLine.split(' ');
    bool ok = false;
    const int status = words.size() >= 2 ? words.at(1).toInt(&ok) : 0;
    if (!ok || !statusLine.startsWith("HTTP/"))
        return malformed(QStringLiteral("a batch part without an HTTP status line"));
    CrmWriteResult result;
    if (status >= 400) {
        result.error = serviceError(Service::Dataverse, status, body.trimmed());
        return result;
    }
    QByteArray entityId = headers.value("odata-entityid");
    if (entityId.isEmpty())
        entityId = headers.value("location");
    result.id = DynamicsBatch::idFromEntityId(entityId);
    const QJsonObject row = QJsonDocument::fromJson(body.trimmed()).object();
    if (!row.isEmpty()) {
        if (result.id.isEmpty())
            result.id = row.value(idField).toString();
        result.record = DynamicsBatch::recordFrom(row, idField);
    }
    return result;
}

} // namespace

QByteArray DynamicsBatch::encode(const QList<DynamicsBatchOperation> &operations,
                                 const QByteArray &boundary)
{
    QList<QList<DynamicsBatchOperation>> changeSets;
    changeSets.reserve(operations.size());
    for (const DynamicsBatchOperation &op : operations)
        changeSets.append({op});
    return encode(changeSets, boundary);
}

QByteArray DynamicsBatch::encode(const QList<QList<DynamicsBatchOperation>> &changeSets,
                                 const QByteArray &boundary)
{
    QByteArray out;
    int n = 0;
    int set = 0;
    for (const QList<DynamicsBatchOperation> &operations : changeSets) {
        const QByteArray changeSet = "changeset_" + QByteArray::number(++set);
        out += "--" + boundary + "\r\nContent-Type: multipart/mixed; boundary=" + changeSet
            + "\r\n\r\n";
        for (const DynamicsBatchOperation &op : operations) {
            ++n;
            out += "--" + changeSet
                + "\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n"
                  "Content-ID: "
                + QByteArray::number(n) + "\r\n\r\n";
            out += op.method + ' ' + op.path.toUtf8()
                + " HTTP/1.1\r\nContent-Type: application/json; type=entry\r\n";
            if (!op.ifMatch.isEmpty())
                out += "If-Match: " + op.ifMatch + "\r\n";
            if (op.returnRepresentation)
                out += "Prefer: return=representation\r\n";
            out += "\r\n" + op.body + "\r\n";
        }
        out += "--" + changeSet + "--\r\n";
    }
    out += "--" + boundary + "--\r\n";
    return out;
}

Result<QList<CrmWriteResult>> DynamicsBatch::decode(const QByteArray &contentType,
                                                    const QByteArray &body, const QString &idField)
{
    QList<Part> parts;
    if (!contentType.startsWith("multipart/mixed")
        || !splitParts(body, boundaryOf(contentType), &parts))
        return malformed(
            QStringLiteral("the $batch answer is not a well-formed multipart/mixed body"));
    QList<CrmWriteResult> results;
    for (const Part &part : std::as_const(parts)) {
        const QByteArray type = part.headers.value("content-type");
        Part single = part;
        if (type.startsWith("multipart/mixed")) {
            QList<Part> inner;
            if (!splitParts(part.content, boundaryOf(type), &inner) || inner.isEmpty())
                return malformed(QStringLiteral("a malformed change set response"));
            single = inner.last(); // the write; parts before it create what it binds
        }
        auto result = resultOf(single, idField);
        if (!result)
            return result.error();
        results.append(result.value());
    }
    return results;
}

CrmRecordData DynamicsBatch::recordFrom(const QJsonObject &row, const QString &idField)
{
    CrmRecordData record;
    record.id = row.value(idField).toString();
    record.etag = row.value(QLatin1String("@odata.etag")).toString();
    record.fields = row;
    return record;
}

QString DynamicsBatch::idFromEntityId(const QByteArray &entityId)
{
    const qsizetype close = entityId.lastIndexOf(')');
    const qsizetype open = close < 0 ? -1 : entityId.lastIndexOf('(', close);
    if (open < 0)
        return {};
    return QString::fromUtf8(entityId.mid(open + 1, close - open - 1));
}

} // namespace cosell
