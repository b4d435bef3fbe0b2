// SPDX-License-Identifier: MIT
#pragma once

#include "app/sandbox/partnercenter/referralrow.h"

#include <memory>
#include <optional>
#include <vector>

#include <QString>

namespace cosell::sandbox {

// The OData $filter subset of the referrals list (spec §3.3): eq ne gt ge lt le, and, or, not,
// parentheses, team/any(t:t/email eq '...'), string literals in single quotes ('' escapes),
// unquoted ISO 8601 date literals, null, true, false. Fields: id, engagementId, name, status,
// substatus, type, qualification, direction, externalReferenceId, createdDateTime,
// updatedDateTime, customerProfile/address/country. Enum comparisons ignore case.
class ReferralFilter final
{
public:
    struct Node;
    // Parses; on a syntax error or unknown field returns nullopt with *error set.
    static std::optional<ReferralFilter> parse(const QString &text, QString *error);

    bool matches(const ReferralRow &row) const;

    // Index hints from the top-level conjunction (empty when absent):
    QString updatedLowerBound() const { return m_updatedLowerBound; } // updatedDateTime ge/gt/eq
    QString externalReferenceId() const { return m_externalReferenceId; } // externalReferenceId eq
    QString engagementId() const { return m_engagementId; } // engagementId eq

    // "2025-06-01T00:00:00Z" → "2025-06-01T00:00:00.0000000Z"; empty if not a date-time.
    static QString normalizeDateTime(const QString &literal);

    ReferralFilter(ReferralFilter &&) noexcept;
    ReferralFilter &operator=(ReferralFilter &&) noexcept;
    ~ReferralFilter();

private:
    ReferralFilter();
    std::shared_ptr<const Node> m_root;
    QString m_updatedLowerBound;
    QString m_externalReferenceId;
    QString m_engagementId;
};

} // namespace cosell::sandbox
