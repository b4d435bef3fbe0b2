// SPDX-License-Identifier: MIT
#include "app/sandbox/server/sandboxrequest.h"

#include <QJsonParseError>

namespace cosell::sandbox {

namespace {
QString decodeComponent(QByteArray part)
{
    part.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(part));
}
} // namespace

QList<QPair<QString, QString>> SandboxRequest::parseForm(const QByteArray &encoded)
{
    QList<QPair<QString, QString>> items;
    const QList<QByteArray> pairs = encoded.split('&');
    for (const QByteArray &pair : pairs) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        if (eq < 0)
            items.append({decodeComponent(pair), QString()});
        else
            items.append({decodeComponent(pair.left(eq)), decodeComponent(pair.mid(eq + 1))});
    }
    return items;
}

bool SandboxRequest::hasQueryItem(const QString &name) const
{
    for (const auto &item : query) {
        if (item.first == name)
            return true;
    }
    return false;
}

QString SandboxRequest::queryValue(const QString &name) const
{
    for (const auto &item : query) {
        if (item.first == name)
            return item.second;
    }
    return QString();
}

QHash<QString, QString> SandboxRequest::formBody() const
{
    QHash<QString, QString> form;
    const auto items = parseForm(body);
    for (const auto &item : items) {
        if (!form.contains(item.first))
            form.insert(item.first, item.second);
    }
    return form;
}

QJsonDocument SandboxRequest::jsonBody(bool *ok) const
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    *ok = error.error == QJsonParseError::NoError && !doc.isNull();
    return doc;
}

} // namespace cosell::sandbox
