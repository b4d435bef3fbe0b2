// SPDX-License-Identifier: MIT
#pragma once

#include "core/mapping/mappingissue.h"
#include "core/mapping/mappingspec.h"
#include "core/model/crmrecord.h"
#include "core/model/referral.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace cosell {

// Applies a MappingSpec in both directions. Pure and thread-safe (const methods only).
//
// Canonical values are a QJsonObject keyed by mapped field id, in Partner Center form
// (see ValueTransform). Reading includes every mapped field the side carries, whatever its
// direction: the Reconciler decides what flows. A side that lacks a value (missing or
// null) leaves the key out — "not carried" is not "cleared". A value a transform cannot
// map (an unknown stage, a bad date) is left out too and reported as an issue, so one bad
// field never blocks the others.
class RecordMapper final
{
public:
    struct Values
    {
        QJsonObject values;
        QList<MappingIssue> issues;
    };

    struct ReferralPatch
    {
        QJsonObject body; // nested object, to merge into the referral (create / PUT)
        QJsonArray operations; // RFC 6902 "replace" operations for PATCH
        QList<MappingIssue> issues;
    };

    struct CrmPatch
    {
        QJsonObject fields; // CRM field name → value; lookups as {"$lookup": …}
        QList<MappingIssue> issues;
    };

    explicit RecordMapper(MappingSpec spec);

    const MappingSpec &spec() const { return m_spec; }

    Values fromReferral(const Referral &referral) const;
    Values fromCrm(const CrmRecord &record) const;
    Values fromCrmFields(const QJsonObject &fields) const;

    // Only the fields that flow toward that side at `stage`; fields absent from
    // `canonical` are not touched. `only` (if not empty) limits it to those field ids,
    // e.g. the fields the Reconciler decided to write.
    CrmPatch toCrm(const QJsonObject &canonical, MappingStage stage,
                   const QStringList &only = {}) const;
    ReferralPatch toReferral(const QJsonObject &canonical, MappingStage stage,
                             const QStringList &only = {}) const;

private:
    Values read(const QJsonObject &source, bool fromCrm) const;

    MappingSpec m_spec;
};

} // namespace cosell
