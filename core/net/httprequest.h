// SPDX-License-Identifier: MIT
#pragma once

#include "core/net/retrypolicy.h"
#include "core/net/service.h"

#include <optional>
#include <utility>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

namespace cosell {

class AccessTokenSource;

using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>;

// One logical request; HttpClient may send it several times (retries).
struct HttpRequest
{
    Service service = Service::Other;
    // Key of the counters and the log, with ids left out: "GET referrals/{id}".
    // Empty: method and URL path.
    QString endpoint;
    QByteArray method = "GET";
    QUrl url;
    HttpHeaders headers;
    QByteArray body;
    // Bearer token source; not owned, must outlive the call. Null: no Authorization header.
    AccessTokenSource *auth = nullptr;
    // May a 5xx or a network error be retried? Default: every method but POST. Partner
    // Center requests carry an idempotency key (MS-RequestId) and are always retryable.
    std::optional<bool> idempotent;
    // Overrides the client's policy for this service.
    std::optional<RetryPolicy> retry;

    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const;
    bool isIdempotent() const;
    QString endpointOrDefault() const;
};

} // namespace cosell
