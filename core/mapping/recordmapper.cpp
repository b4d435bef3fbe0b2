// SPDX-License-Identifier: MIT
#include "core/mapping/recordmapper.h"

#include <utility>

namespace cosell {
namespace {

bool absent(const QJsonValue &value)
{
    return value.isUndefined() || value.isNull();
}

// One side's raw value: the single path's value, or {path: value} over several paths
// (absent when none of them has a value).
QJsonValue gather(const QJsonObject &source, const QList<FieldPath> &paths)
{
    if (paths.size() == 1)
        return paths.first().read(source);
    QJsonObject composite;
    for (const FieldPath &path : paths) {
        const QJsonValue value = path.read(source);
        if (!absent(value))
            composite.insert(path.toString(), value);
    }
    return composite.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(composite);
}

// The inverse of gather(): writes one value, or an object's members, onto the paths.
Status scatter(QJsonObject &target, const QList<FieldPath> &paths, const QJsonValue &value,
               QList<FieldPath> *written)
{
    if (paths.size() == 1) {
        if (written)
            written->append(paths.first());
        return paths.first().write(target, value);
    }
    const QJsonObject composite = value.toObject();
    for (const FieldPath &path : paths) {
        const QString key = path.toString();
        if (!composite.contains(key))
            continue;
        if (Status status = path.write(target, composite.value(key)); !status)
            return status;
        if (written)
            written->append(path);
    }
    return {};
}

MappingIssue issueFor(const FieldMapping &field, const Error &error)
{
    return {field.id, error.code, QStringLiteral("field '%1': %2").arg(field.id, error.message)};
}

} // namespace

RecordMapper::RecordMapper(MappingSpec spec)
    : m_spec(std::move(spec))
{ }

RecordMapper::Values RecordMapper::fromReferral(const Referral &referral) const
{
    return read(referral.json(), false);
}

RecordMapper::Values RecordMapper::fromCrm(const CrmRecord &record) const
{
    return read(record.fields(), true);
}

RecordMapper::Values RecordMapper::fromCrmFields(const QJsonObject &fields) const
{
    return read(fields, true);
}

RecordMapper::Values RecordMapper::read(const QJsonObject &source, bool fromCrm) const
{
    Values out;
    for (const FieldMapping &field : m_spec.fields()) {
        const QList<FieldPath> &paths = fromCrm ? field.crmFields : field.referralPaths;
        const QJsonValue raw =
            paths.isEmpty() ? QJsonValue(QJsonValue::Undefined) : gather(source, paths);
        const bool readsNull =
            fromCrm ? field.transform.readsNullFromCrm() : field.transform.readsNullFromReferral();
        if (absent(raw) && !readsNull)
            continue;
        const QJsonValue input = raw.isUndefined() ? QJsonValue(QJsonValue::Null) : raw;
        const auto canonical = fromCrm ? field.transform.canonicalFromCrm(input)
                                       : field.transform.canonicalFromReferral(input);
        if (!canonical) {
            out.issues.append(issueFor(field, canonical.error()));
            continue;
        }
        if (!canonical->isUndefined())
            out.values.insert(field.id, canonical.value());
    }
    return out;
}

RecordMapper::CrmPatch RecordMapper::toCrm(const QJsonObject &canonical, MappingStage stage,
                                           const QStringList &only) const
{
    CrmPatch patch;
    for (const FieldMapping &field : m_spec.fields()) {
        if (!flowsToCrm(field.direction(stage)) || field.crmFields.isEmpty())
            continue;
        if (!only.isEmpty() && !only.contains(field.id))
            continue;
        const bool constant = field.transform.kind() == ValueTransform::Kind::Constant;
        if (!canonical.contains(field.id) && !constant)
            continue;
        const auto value = field.transform.toCrm(canonical.value(field.id));
        if (!value) {
            patch.issues.append(issueFor(field, value.error()));
            continue;
        }
        if (Status status = scatter(patch.fields, field.crmFields, value.value(), nullptr); !status)
            patch.issues.append(issueFor(field, status.error()));
    }
    return patch;
}

RecordMapper::ReferralPatch RecordMapper::toReferral(const QJsonObject &canonical,
                                                     MappingStage stage,
                                                     const QStringList &only) const
{
    ReferralPatch patch;
    for (const FieldMapping &field : m_spec.fields()) {
        if (!flowsToPartnerCenter(field.direction(stage)) || field.referralPaths.isEmpty())
            continue;
        if (!only.isEmpty() && !only.contains(field.id))
            continue;
        const bool constant = field.transform.kind() == ValueTransform::Kind::Constant;
        if (!canonical.contains(field.id) && !constant)
            continue;
        const auto value = field.transform.toReferral(canonical.value(field.id));
        if (!value) {
            patch.issues.append(issueFor(field, value.error()));
            continue;
        }
        QList<FieldPath> written;
        if (Status status = scatter(patch.body, field.referralPaths, value.value(), &written);
            !status) {
            patch.issues.append(issueFor(field, status.error()));
            continue;
        }
        for (const FieldPath &path : std::as_const(written))
            patch.operations.append(QJsonObject {{QStringLiteral("op"), QStringLiteral("replace")},
                                                 {QStringLiteral("path"), path.toJsonPointer()},
                                                 {QStringLiteral("value"), path.read(patch.body)}});
    }
    return patch;
}

} // namespace cosell
