// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/crmsystem.h"

#include <optional>

#include <QHash>
#include <QList>
#include <QString>
#include <QStringView>

namespace cosell {

// The fields a mapping may name on one side, with their JSON type and write rules, for
// MappingSpec validation. Built-in catalogs follow spec/partner-center.md §2.2–2.4 (the
// referral) and spec/crm.md A.3 / B.3 (the opportunity); a mapping adds its CRM custom
// fields. Array elements are named with "[]" ("team[].email"); lookup() accepts concrete
// indices too. A path below a Lookup field (Salesforce "Account.BillingCountry", Dataverse
// "parentaccountid.address1_country") is a field of the related record: accepted as text.
class FieldCatalog final
{
public:
    enum class Type { String, Number, Boolean, DateTime, Date, Array, Object, Lookup, Any };

    struct Field
    {
        QString path;
        Type type = Type::Any;
        bool readOnly = false;
        bool requiredOnCreate = false; // the record cannot be created without it
    };

    void add(const Field &field);
    std::optional<Field> lookup(QStringView path) const;
    QList<Field> requiredOnCreate() const;

    static FieldCatalog referral();
    static FieldCatalog crm(CrmSystem system);

private:
    QHash<QString, Field> m_fields;
    QList<QString> m_order;
};

QString toString(FieldCatalog::Type type);
std::optional<FieldCatalog::Type> fieldTypeFromString(QStringView text);

} // namespace cosell
