// SPDX-License-Identifier: MIT
#pragma once

#include "app/sandbox/dataverse/dataverseconfig.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace cosell::sandbox {

// Column definitions of the simulated Dataverse tables (crm.md A.3) and the conversion of a
// request body into stored columns, with the service's validation errors.
struct DataverseAttribute
{
    enum class Type {
        Guid,
        String,
        Memo,
        Money,
        Integer,
        Decimal,
        Boolean,
        DateTime,
        DateOnly,
        Picklist,
        Lookup,
        BigInt
    };
    QString name; // wire name; lookups: _<attr>_value
    Type type = Type::String;
    int maxLength = 0; // String/Memo
    QList<int> options; // Picklist: valid values (empty = any int)
    bool writable = true; // false: system column, silently not written
    QHash<QString, QString> navigation; // Lookup: navigation property → target entity set
};

struct DataverseEntity
{
    QString setName; // opportunities
    QString logicalName; // opportunity
    QString idField; // opportunityid
    QString alternateKey; // column of the alternate key, empty = none
    QList<DataverseAttribute> attributes;

    const DataverseAttribute *attribute(const QString &name) const;
    const DataverseAttribute *byNavigation(const QString &navigation) const;
};

class DataverseSchema final
{
public:
    struct WriteError
    {
        int status = 400;
        QString code;
        QString message;
    };

    // opportunities, accounts, contacts, transactioncurrencies for `config`.
    static QList<DataverseEntity> build(const DataverseConfig &config);

    // Body (POST/PATCH) → columns to merge. Accepts `<nav>@odata.bind` ("/accounts(<guid>)",
    // absolute URLs too). DateOnly accepts a date or a date-time. Returns false with *error.
    static bool toColumns(const DataverseEntity &entity, const QJsonObject &body,
                          QJsonObject *columns, WriteError *error);

    static QString normalizeGuid(const QString &text); // lower case, no braces; empty if invalid
};

} // namespace cosell::sandbox
