// SPDX-License-Identifier: MIT
#pragma once

#include "core/net/httprequest.h"
#include "core/util/result.h"

#include <QJsonArray>
#include <QJsonObject>

namespace cosell {

// A successful (1xx-3xx) answer. Errors (4xx, 5xx, network) arrive as cosell::Error instead.
struct HttpResponse
{
    Service service = Service::Other;
    QString endpoint;
    int status = 0;
    HttpHeaders headers;
    QByteArray body;
    QUrl url;
    int attempts = 1; // how many times the request went out
    QString correlationId; // ours (Partner Center)
    QString requestId; // the service's, when it sent one

    QByteArray header(const QByteArray &name) const;
    // The body as JSON; malformed or of the wrong kind → Error::Kind::Invalid, never a crash.
    Result<QJsonObject> jsonObject() const;
    Result<QJsonArray> jsonArray() const;
};

} // namespace cosell
