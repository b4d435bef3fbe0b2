// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace cosell {

// A failure the UI, the audit trail and the logs can all show. `code` is stable and
// machine-readable (ours, or the service's own error code); `message` is for people.
struct Error
{
    enum class Kind {
        Invalid, // bad input: malformed JSON, failed validation
        NotFound,
        Conflict, // 409/412: someone else changed it first
        Unauthorized, // 401/403
        Throttled, // 429, quota exhausted
        Transient, // 5xx, network: worth retrying
        Storage, // the cache
        Internal,
    };

    Kind kind = Kind::Internal;
    QString code;
    QString message;
    int httpStatus = 0;
    QString requestId;

    bool isRetryable() const { return kind == Kind::Transient || kind == Kind::Throttled; }
    QString toString() const;
};

QString toString(Error::Kind kind);

} // namespace cosell
