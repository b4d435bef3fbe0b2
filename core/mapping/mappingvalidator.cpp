// SPDX-License-Identifier: MIT
#include "core/mapping/mappingvalidator.h"

#include "core/mapping/mappingspec.h"

namespace cosell {
namespace {

using Type = FieldCatalog::Type;

QString crmName(CrmSystem system)
{
    switch (system) {
    case CrmSystem::Dynamics:
        return QStringLiteral("Dynamics 365");
    case CrmSystem::Salesforce:
        return QStringLiteral("Salesforce");
    }
    return {};
}

bool isDateLike(Type t)
{
    return t == Type::Date || t == Type::DateTime;
}

// Empty when the types fit the transform, else what the mapping should do instead.
QString typeProblem(ValueTransform::Kind kind, Type referral, Type crm)
{
    if (referral == Type::Any || crm == Type::Any)
        return {};
    switch (kind) {
    case ValueTransform::Kind::ValueMap:
    case ValueTransform::Kind::Constant:
        return {};
    case ValueTransform::Kind::None:
        if (referral == crm)
            return {};
        if (isDateLike(referral) && isDateLike(crm))
            return QStringLiteral("add a \"date\" transform");
        return QStringLiteral("add a transform that converts them");
    case ValueTransform::Kind::Date:
        return isDateLike(referral) && isDateLike(crm)
            ? QString()
            : QStringLiteral("\"date\" needs a date or dateTime on both sides");
    case ValueTransform::Kind::Number:
        return referral == Type::Number && crm == Type::Number
            ? QString()
            : QStringLiteral("\"number\" needs a number on both sides");
    case ValueTransform::Kind::Currency:
    case ValueTransform::Kind::Text:
    case ValueTransform::Kind::Template:
        return referral == Type::String && crm == Type::String
            ? QString()
            : QStringLiteral("\"%1\" needs text on both sides").arg(toString(kind));
    case ValueTransform::Kind::Join:
        return referral == Type::Array && crm == Type::String
            ? QString()
            : QStringLiteral("\"join\" needs an array in Partner Center and text in the CRM");
    case ValueTransform::Kind::Split:
        return referral == Type::String && crm == Type::Array
            ? QString()
            : QStringLiteral("\"split\" needs text in Partner Center and an array in the CRM");
    case ValueTransform::Kind::Lookup:
        return referral == Type::String && (crm == Type::Lookup || crm == Type::String)
            ? QString()
            : QStringLiteral("\"lookup\" needs text in Partner Center and a lookup in the CRM");
    }
    return {};
}

bool writesCrm(const FieldMapping &f)
{
    return flowsToCrm(f.createDirection) || flowsToCrm(f.updateDirection);
}

bool writesReferral(const FieldMapping &f)
{
    return flowsToPartnerCenter(f.createDirection) || flowsToPartnerCenter(f.updateDirection);
}

} // namespace

QList<MappingIssue> MappingValidator::validate(const MappingSpec &spec)
{
    QList<MappingIssue> issues;
    const FieldCatalog referral = spec.referralCatalog();
    const FieldCatalog crm = spec.crmCatalog();
    const QString crmLabel = crmName(spec.system());
    auto issue = [&issues](const QString &field, const char *code, const QString &message) {
        issues.append({field, QString::fromLatin1(code), message});
    };

    for (const FieldMapping &f : spec.fields()) {
        QList<FieldCatalog::Field> referralFields;
        for (const FieldPath &path : f.referralPaths) {
            const auto known = referral.lookup(path.toString());
            if (!known) {
                issue(f.id, "unknownField",
                      QStringLiteral("field '%1': unknown Partner Center field '%2'")
                          .arg(f.id, path.toString()));
                continue;
            }
            referralFields.append(*known);
            if (known->readOnly && writesReferral(f))
                issue(f.id, "readOnlyField",
                      QStringLiteral("field '%1': writes the read-only Partner Center field '%2'; "
                                     "make it toCrm")
                          .arg(f.id, path.toString()));
        }
        QList<FieldCatalog::Field> crmFields;
        for (const FieldPath &path : f.crmFields) {
            const auto known = crm.lookup(path.toString());
            if (!known) {
                issue(f.id, "unknownField",
                      QStringLiteral("field '%1': unknown %2 field '%3' (declare custom fields "
                                     "under \"customFields\")")
                          .arg(f.id, crmLabel, path.toString()));
                continue;
            }
            crmFields.append(*known);
            if (known->readOnly && writesCrm(f))
                issue(f.id, "readOnlyField",
                      QStringLiteral("field '%1': writes the read-only %2 field '%3'; make it "
                                     "toPartnerCenter")
                          .arg(f.id, crmLabel, path.toString()));
        }
        if (referralFields.size() == 1 && crmFields.size() == 1 && f.referralPaths.size() == 1
            && f.crmFields.size() == 1) {
            const QString problem = typeProblem(f.transform.kind(), referralFields.first().type,
                                                crmFields.first().type);
            if (!problem.isEmpty())
                issue(f.id, "typeMismatch",
                      QStringLiteral("field '%1': type mismatch: Partner Center '%2' is %3 but "
                                     "%4 '%5' is %6; %7")
                          .arg(f.id, referralFields.first().path,
                               toString(referralFields.first().type), crmLabel,
                               crmFields.first().path, toString(crmFields.first().type), problem));
        }
    }

    auto covered = [&spec](const QString &required, bool toCrm) {
        const FieldPath target = FieldPath::parse(required).value();
        for (const FieldMapping &f : spec.fields()) {
            const bool flows =
                toCrm ? flowsToCrm(f.createDirection) : flowsToPartnerCenter(f.createDirection);
            if (!flows)
                continue;
            for (const FieldPath &path : toCrm ? f.crmFields : f.referralPaths) {
                if (target.startsWith(path) || path.startsWith(target))
                    return true;
            }
        }
        return false;
    };
    for (const FieldCatalog::Field &required : referral.requiredOnCreate()) {
        if (!covered(required.path, false))
            issue({}, "requiredFieldUnmapped",
                  QStringLiteral("required Partner Center field '%1' has no mapping that writes "
                                 "it on create (%2 → Partner Center)")
                      .arg(required.path, crmLabel));
    }
    for (const FieldCatalog::Field &required : crm.requiredOnCreate()) {
        if (!covered(required.path, true))
            issue({}, "requiredFieldUnmapped",
                  QStringLiteral("required %1 field '%2' has no mapping that writes it on create "
                                 "(Partner Center → %1)")
                      .arg(crmLabel, required.path));
    }
    return issues;
}

} // namespace cosell
