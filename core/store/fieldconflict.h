// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QJsonValue>
#include <QString>

namespace cosell {

// Both sides of a link moved one field to different values since the base.
struct FieldConflict
{
    enum class Resolution {
        Open, // waiting for an admin
        PartnerCenter, // Partner Center's value won
        Crm, // the CRM's value won
        Custom, // an admin typed a value
        Dismissed, // no longer relevant (e.g. the sides agree again)
    };

    qint64 id = 0; // assigned by the store
    qint64 linkId = 0;
    QString field; // canonical field name
    QJsonValue base;
    QJsonValue pcValue;
    QJsonValue crmValue;
    QDateTime detectedAt;
    Resolution resolution = Resolution::Open;
    QJsonValue resolvedValue;
    QString resolvedBy;
    QDateTime resolvedAt;
};

QString toString(FieldConflict::Resolution resolution);

} // namespace cosell
