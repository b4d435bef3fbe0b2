// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace cosell {

class MappingSpec;

// The ✔ / ✖ at the end of a synced opportunity's name (spec/field-mapping.md §1.2 "Display
// check mark in the opportunity name", §6.2): ✔ once the opportunity is synced, ✖ when a
// precondition failed. The mark is the CRM's decoration only: it is stripped wherever the
// CRM name is read into canonical values, so it never travels to Partner Center and a
// write of the mark is not a change the engine echoes back. Plain value.
class NameMark final
{
public:
    NameMark(QString ok = QStringLiteral("\u2714"), QString failed = QStringLiteral("\u2716"));
    // checkMarkOk / checkMarkFailed from the spec's settings (the defaults above otherwise).
    static NameMark fromSpec(const MappingSpec &spec);

    // `name` without a trailing mark (either kind) and the spaces before it.
    QString strip(const QString &name) const;
    QString withOk(const QString &name) const { return with(name, m_ok); }
    QString withFailed(const QString &name) const { return with(name, m_failed); }

    const QString &ok() const { return m_ok; }
    const QString &failed() const { return m_failed; }

private:
    QString with(const QString &name, const QString &mark) const;

    QString m_ok;
    QString m_failed;
};

} // namespace cosell
