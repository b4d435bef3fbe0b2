// SPDX-License-Identifier: MIT
#include "core/util/error.h"

namespace cosell {

QString toString(Error::Kind kind)
{
    switch (kind) {
    case Error::Kind::Invalid:
        return QStringLiteral("invalid");
    case Error::Kind::NotFound:
        return QStringLiteral("notFound");
    case Error::Kind::Conflict:
        return QStringLiteral("conflict");
    case Error::Kind::Unauthorized:
        return QStringLiteral("unauthorized");
    case Error::Kind::Throttled:
        return QStringLiteral("throttled");
    case Error::Kind::Transient:
        return QStringLiteral("transient");
    case Error::Kind::Storage:
        return QStringLiteral("storage");
    case Error::Kind::Internal:
        return QStringLiteral("internal");
    }
    return {};
}

QString Error::toString() const
{
    QString text = code.isEmpty() ? message : code + QStringLiteral(": ") + message;
    if (httpStatus != 0)
        text += QStringLiteral(" (HTTP %1)").arg(httpStatus);
    if (!requestId.isEmpty())
        text += QStringLiteral(" [request %1]").arg(requestId);
    return text;
}

} // namespace cosell
