// SPDX-License-Identifier: MIT
#include "core/net/httpresponse.h"

#include "core/net/serviceerror.h"

#include <QJsonDocument>

namespace cosell {
namespace {

Result<QJsonDocument> parse(const HttpResponse &r)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(r.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        Error e = malformedJson(r.service, r.endpoint,
                                QStringLiteral("%1 at byte %2 of %3")
                                    .arg(parseError.errorString())
                                    .arg(parseError.offset)
                                    .arg(r.body.size()));
        e.httpStatus = r.status;
        e.requestId = r.requestId;
        return e;
    }
    return doc;
}

} // namespace

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &[n, v] : headers) {
        if (n.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

Result<QJsonObject> HttpResponse::jsonObject() const
{
    auto doc = parse(*this);
    if (!doc)
        return doc.error();
    if (!doc->isObject()) {
        Error e = malformedJson(service, endpoint, QStringLiteral("expected a JSON object"));
        e.httpStatus = status;
        return e;
    }
    return doc->object();
}

Result<QJsonArray> HttpResponse::jsonArray() const
{
    auto doc = parse(*this);
    if (!doc)
        return doc.error();
    if (!doc->isArray()) {
        Error e = malformedJson(service, endpoint, QStringLiteral("expected a JSON array"));
        e.httpStatus = status;
        return e;
    }
    return doc->array();
}

} // namespace cosell
