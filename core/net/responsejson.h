// SPDX-License-Identifier: MIT
#pragma once

#include "core/net/httpresponse.h"
#include "core/util/result.h"

#include <QJsonArray>
#include <QJsonObject>

namespace cosell {

// The one step every JSON call shares after HttpClient::send: the exchange's error as is
// (network, 4xx, 5xx already mapped by HttpClient), else the body parsed as a JSON object
// or array (malformed or the wrong kind → Error::Kind::Invalid from HttpResponse).
inline Result<QJsonObject> jsonObjectOf(const Result<HttpResponse> &response)
{
    if (!response)
        return response.error();
    return response->jsonObject();
}

inline Result<QJsonArray> jsonArrayOf(const Result<HttpResponse> &response)
{
    if (!response)
        return response.error();
    return response->jsonArray();
}

} // namespace cosell
