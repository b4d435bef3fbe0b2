// SPDX-License-Identifier: MIT
#include "core/net/httprequest.h"

namespace cosell {

void HttpRequest::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &[n, v] : headers) {
        if (n.compare(name, Qt::CaseInsensitive) == 0) {
            v = value;
            return;
        }
    }
    headers.append({name, value});
}

QByteArray HttpRequest::header(const QByteArray &name) const
{
    for (const auto &[n, v] : headers) {
        if (n.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

bool HttpRequest::isIdempotent() const
{
    if (idempotent)
        return *idempotent;
    return isPartnerCenter(service) || method != "POST";
}

QString HttpRequest::endpointOrDefault() const
{
    return endpoint.isEmpty() ? QString::fromLatin1(method) + u' ' + url.path() : endpoint;
}

} // namespace cosell
