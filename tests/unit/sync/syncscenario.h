// SPDX-License-Identifier: MIT
#pragma once

// The scenario pieces shared by tst_syncpass (MemorySyncStore) and tst_sqlitesyncstore
// (SqliteSyncStore): one clock, one rule set and one referral/opportunity shape, so both
// stores are checked against exactly the same scenarios.
#include "core/sync/fieldrule.h"
#include "core/sync/siderecord.h"
#include "core/util/clock.h"

#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QString>

namespace cosell::test {

inline QString s(const char *text)
{
    return QString::fromUtf8(text);
}

class StepClock final : public Clock
{
public:
    QDateTime now() const override { return m_now; }
    void advance(qint64 ms) { m_now = m_now.addMSecs(ms); }

private:
    QDateTime m_now {QDate(2026, 2, 1), QTime(8, 0), Qt::UTC};
};

inline QList<FieldRule> rules()
{
    QList<FieldRule> out;
    using D = FieldRule::Direction;
    auto add = [&out](const char *name, D create, D update) {
        FieldRule r;
        r.field = QString::fromUtf8(name);
        r.createDirection = create;
        r.updateDirection = update;
        out.append(r);
    };
    add("name", D::Both, D::ToPartnerCenter);
    add("dealValue", D::Both, D::Both);
    add("notes", D::Both, D::Both);
    add("closingDate", D::Both, D::ToCrm);
    add("solutions", D::ToPartnerCenter, D::None);
    add("customerCountry", D::Both, D::None);
    add("assistance", D::Both, D::None);
    add("contactEmail", D::Both, D::None);
    return out;
}

inline SideRecord referral(int n)
{
    SideRecord r;
    r.type = s("Shared");
    r.status = s("Active");
    r.values = {{s("name"), QStringLiteral("Deal %1").arg(n)},
                {s("dealValue"), 1000 * n},
                {s("notes"), s("from Microsoft")},
                {s("closingDate"), s("2026-06-30")},
                {s("customerCountry"), s("TW")}};
    return r;
}

inline SideRecord opportunity(int n, bool sync = true)
{
    SideRecord r;
    r.syncWithPartnerCenter = sync;
    r.stage = s("Qualify");
    r.values = {{s("name"), QStringLiteral("Opp %1").arg(n)},
                {s("dealValue"), 500 * n},
                {s("notes"), s("seller notes")},
                {s("solutions"), QJsonArray {s("SOL-1")}},
                {s("customerCountry"), s("US")}};
    return r;
}

} // namespace cosell::test
