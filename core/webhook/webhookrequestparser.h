// SPDX-License-Identifier: MIT
#pragma once

#include "core/util/result.h"

#include <optional>

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QUrl>

namespace cosell {

// The parts of an HTTP request the receiver looks at, copied out of the HTTP server so the
// checks are a pure function (unit-tested and fuzzed without sockets).
struct WebhookHttpRequest
{
    QByteArray method; // upper case, e.g. "POST"
    QByteArray path; // without query
    QList<QPair<QByteArray, QByteArray>> headers; // as received, names in any case
    QByteArray body; // exactly as received: these are the signed bytes
    QHostAddress peer; // for log lines only
};

// A request whose envelope is well-formed: what the signature verifier needs.
struct SignedWebhookRequest
{
    QByteArray signature; // decoded from base64, never logged
    QByteArray digestName; // "sha256" (lower case) from X-MS-Signature-Algorithm
    QUrl certificateUrl; // X-MS-Certificate-Url, parsed but not yet checked for trust
    QByteArray body;
};

// Envelope checks of spec/partner-center.md §4.5/§4.6 step 1, in the order that decides
// the status code: 405 method, 404 path, 413 size, 415 content type or encoding,
// 401 signature header missing/wrong scheme/not base64, 400 certificate URL or algorithm
// header missing or unusable. The refusal is an Error whose httpStatus is the answer and
// whose message is safe to log and to send back.
class WebhookRequestParser final
{
public:
    WebhookRequestParser(QByteArray path, qint64 maxBodyBytes);

    Result<SignedWebhookRequest> parse(const WebhookHttpRequest &request) const;

    // Header lookup by case-insensitive name. Fails when the header occurs more than once.
    static std::optional<QByteArray> singleHeader(const WebhookHttpRequest &request,
                                                  QByteArrayView name, bool *ambiguous);

private:
    QByteArray m_path;
    qint64 m_maxBodyBytes;
};

} // namespace cosell
