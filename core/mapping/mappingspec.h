// SPDX-License-Identifier: MIT
#pragma once

#include "core/mapping/fieldcatalog.h"
#include "core/mapping/fieldmapping.h"
#include "core/mapping/mappingissue.h"
#include "core/model/crmsystem.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace cosell {

// The field mapping between referrals and one CRM, as data (spec/field-mapping.md §8.2:
// customers customise it). Versioned JSON:
//
//   {"version": 1, "system": "salesforce", "name": "…",
//    "settings": {"dealValueField": "Amount", "nameCheckMark": true, …},
//    "customFields": [{"name": "Referral_Identifier__c", "type": "string"}, …],
//    "fields": [ FieldMapping, … ]}
//
// `${setting}` anywhere outside "settings" is replaced by that setting (a string that is
// exactly "${x}" takes the setting's JSON value, so booleans stay booleans). This is how
// the documented environment variables (deal value field, country field, on-hold and
// active stage names) and the Dataverse publisher prefix stay configurable.
// Reserved settings the engine reads: auditField, syncFlagField, nameCheckMark,
// checkMarkOk, checkMarkFailed.
class MappingSpec final
{
public:
    static constexpr int CurrentVersion = 1;

    // Errors (Kind::Invalid): "malformedJson", "unsupportedVersion", "unknownCrmSystem",
    // "unknownSetting", "invalidMapping", "duplicateField". `settingsOverrides` replace
    // keys of "settings" before substitution (the console's edits).
    static Result<MappingSpec> fromJson(const QByteArray &json,
                                        const QJsonObject &settingsOverrides = {});
    static Result<MappingSpec> fromObject(const QJsonObject &json,
                                          const QJsonObject &settingsOverrides = {});
    // The shipped default for a CRM (resources/mappings/<system>.json, compiled in).
    static Result<MappingSpec> builtIn(CrmSystem system, const QJsonObject &settingsOverrides = {});

    // The source document with the overrides merged into "settings", unsubstituted, so
    // saving and loading again gives the same spec.
    QByteArray toJson() const;

    int version() const { return m_version; }
    CrmSystem system() const { return m_system; }
    QString name() const { return m_name; }
    const QJsonObject &settings() const { return m_settings; }
    const QList<FieldMapping> &fields() const { return m_fields; }
    const FieldMapping *field(const QString &id) const;

    // The referral catalog and this CRM's catalog plus the spec's customFields.
    FieldCatalog referralCatalog() const { return FieldCatalog::referral(); }
    FieldCatalog crmCatalog() const;

    QString auditField() const;
    QString syncFlagField() const;
    bool nameCheckMark() const;

    // Unknown fields, type mismatches, writes to read-only fields, required fields with
    // no create mapping. Empty = valid. See MappingValidator.
    QList<MappingIssue> validate() const;
    // The same as one Status: Error code "invalidMappingSpec", messages joined by "; ".
    Status check() const;

private:
    QJsonObject m_source;
    int m_version = CurrentVersion;
    CrmSystem m_system = CrmSystem::Dynamics;
    QString m_name;
    QJsonObject m_settings;
    QList<FieldMapping> m_fields;
    QList<FieldCatalog::Field> m_customFields;
};

} // namespace cosell
