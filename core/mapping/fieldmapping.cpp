// SPDX-License-Identifier: MIT
#include "core/mapping/fieldmapping.h"

#include <QJsonArray>

namespace cosell {
namespace {

Error invalid(const QString &id, const QString &why)
{
    return Error {Error::Kind::Invalid,
                  QStringLiteral("invalidMapping"),
                  QStringLiteral("field '%1': %2").arg(id, why),
                  0,
                  {}};
}

Result<QList<FieldPath>> paths(const QString &id, const QJsonValue &json, const char *key)
{
    QList<FieldPath> list;
    if (json.isUndefined() || json.isNull())
        return list;
    QStringList texts;
    if (json.isString()) {
        texts.append(json.toString());
    } else if (json.isArray() && !json.toArray().isEmpty()) {
        const QJsonArray array = json.toArray();
        for (const QJsonValue &item : array)
            texts.append(item.toString());
    } else {
        return invalid(id,
                       QStringLiteral("\"%1\" must be a path or a non-empty array of paths")
                           .arg(QLatin1String(key)));
    }
    for (const QString &text : std::as_const(texts)) {
        const auto path = FieldPath::parse(text);
        if (!path)
            return invalid(id, path.error().message);
        list.append(path.value());
    }
    return list;
}

Result<MappingDirection> parseDirection(const QString &id, const QJsonObject &json, const char *key,
                                        MappingDirection fallback)
{
    const QJsonValue value = json.value(QLatin1String(key));
    if (value.isUndefined())
        return fallback;
    const auto parsed = mappingDirectionFromString(value.toString());
    if (!parsed)
        return invalid(id,
                       QStringLiteral("\"%1\" is '%2'; expected both, toCrm, toPartnerCenter "
                                      "or none")
                           .arg(QLatin1String(key), value.toVariant().toString()));
    return *parsed;
}

} // namespace

Result<FieldMapping> FieldMapping::fromJson(const QJsonObject &json)
{
    FieldMapping field;
    field.id = json.value(QStringLiteral("id")).toString();
    if (field.id.isEmpty())
        return invalid(QStringLiteral("?"), QStringLiteral("every field needs an \"id\""));
    field.label = json.value(QStringLiteral("label")).toString(field.id);

    auto referral = paths(field.id, json.value(QStringLiteral("referral")), "referral");
    if (!referral)
        return referral.error();
    field.referralPaths = referral.value();
    auto crm = paths(field.id, json.value(QStringLiteral("crm")), "crm");
    if (!crm)
        return crm.error();
    field.crmFields = crm.value();

    auto transform = ValueTransform::fromJson(json.value(QStringLiteral("transform")));
    if (!transform)
        return invalid(field.id, transform.error().message);
    field.transform = transform.value();
    const bool constant = field.transform.kind() == ValueTransform::Kind::Constant;
    if (!constant && (field.referralPaths.isEmpty() || field.crmFields.isEmpty()))
        return invalid(field.id,
                       QStringLiteral("needs both \"referral\" and \"crm\" (only a constant may "
                                      "leave one out)"));
    if (field.referralPaths.size() > 1 || field.crmFields.size() > 1) {
        if (field.transform.kind() != ValueTransform::Kind::ValueMap && !constant)
            return invalid(field.id,
                           QStringLiteral("several paths on one side need a valueMap "
                                          "transform"));
    }

    auto base = parseDirection(field.id, json, "direction", MappingDirection::Both);
    if (!base)
        return base.error();
    bool create = true;
    bool update = true;
    if (json.contains(QStringLiteral("when"))) {
        const QJsonArray when = json.value(QStringLiteral("when")).toArray();
        create = update = false;
        for (const QJsonValue &stage : when) {
            const auto parsed = mappingStageFromString(stage.toString());
            if (!parsed)
                return invalid(field.id,
                               QStringLiteral("\"when\" has '%1'; expected create or "
                                              "update")
                                   .arg(stage.toVariant().toString()));
            (*parsed == MappingStage::Create ? create : update) = true;
        }
        if (!create && !update)
            return invalid(field.id, QStringLiteral("\"when\" must name create, update or both"));
    }
    auto createDir = parseDirection(field.id, json, "createDirection", base.value());
    if (!createDir)
        return createDir.error();
    auto updateDir = parseDirection(field.id, json, "updateDirection", base.value());
    if (!updateDir)
        return updateDir.error();
    field.createDirection = create ? createDir.value() : MappingDirection::None;
    field.updateDirection = update ? updateDir.value() : MappingDirection::None;

    const QJsonValue policy = json.value(QStringLiteral("policy"));
    if (!policy.isUndefined()) {
        const auto parsed = conflictPolicyFromString(policy.toString());
        if (!parsed)
            return invalid(field.id,
                           QStringLiteral("\"policy\" is '%1'; expected manual, "
                                          "partnerCenterWins, crmWins or newestWins")
                               .arg(policy.toVariant().toString()));
        field.policy = *parsed;
    }
    return field;
}

} // namespace cosell
