// SPDX-License-Identifier: MIT
#pragma once

#include "core/net/service.h"
#include "core/util/error.h"

#include <QByteArray>

namespace cosell {

// Turns a non-2xx answer into an Error carrying the service's own code and message.
// Understands every documented body shape, whatever the service, and falls back to the
// status code when the body is empty, not JSON, or of an unknown shape:
//   Partner API / Dataverse  {"error":{"code","message",...}}
//   Partner Center REST      {"code","description","data","source"}
//   gateway throttling       {"statusCode":429,"message":"..."}
//   Salesforce               [{"errorCode","message","fields"}]
//   OAuth 2                  {"error":"invalid_grant","error_description":"..."}
// Salesforce REQUEST_LIMIT_EXCEEDED (403) is Throttled: the org's API quota is used up.
Error serviceError(Service service, int httpStatus, const QByteArray &body,
                   const QString &requestId = {});

// Error with kind, code and message (the aggregate form leaves fields unnamed).
Error makeError(Error::Kind kind, const QString &code, const QString &message);

// The Error::Kind a bare HTTP status stands for.
Error::Kind errorKindForStatus(int httpStatus);

// An answer that should have been JSON and is not: a clear Invalid error, never a crash.
Error malformedJson(Service service, const QString &endpoint, const QString &detail);

} // namespace cosell
