// SPDX-License-Identifier: MIT
#pragma once

#include "app/sandbox/server/tokenclaims.h"

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace cosell::sandbox {

// One HTTP request, copied out of QHttpServerRequest so a handler (or a delayed fault) never
// touches the server's per-connection request object. Plain value; cheap enough to move.
struct SandboxRequest
{
    QByteArray method; // upper case: "GET", "POST", ...
    QString path; // percent-decoded path, e.g. /pc/v1.0/engagements/referrals
    QByteArray rawQuery; // as received, without '?'
    QList<QPair<QString, QString>> query; // decoded; '+' means space (form style)
    QHash<QByteArray, QByteArray> headers; // names lower-cased; repeated headers joined by ", "
    QByteArray body;
    QHash<QString, QString> params; // {name} captures of the matched route pattern
    TokenClaims claims; // set when the route demanded a bearer token
    QUrl baseUrl; // http://127.0.0.1:<port> of the server that got it

    QByteArray header(const QByteArray &lowerCaseName) const
    {
        return headers.value(lowerCaseName);
    }
    bool hasQueryItem(const QString &name) const;
    QString queryValue(const QString &name) const; // first value, or null QString
    QString param(const QString &name) const { return params.value(name); }
    // Parses an application/x-www-form-urlencoded body (token endpoints).
    QHash<QString, QString> formBody() const;
    // Strict JSON parse of the body; sets *ok false on any syntax error.
    QJsonDocument jsonBody(bool *ok) const;

    static QList<QPair<QString, QString>> parseForm(const QByteArray &encoded);
};

} // namespace cosell::sandbox
