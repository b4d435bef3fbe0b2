// SPDX-License-Identifier: MIT
#pragma once

#include <random>

#include <QDate>
#include <QString>
#include <QStringList>

namespace cosell::sandbox {

// One co-sell deal as every simulated system sees it. Record i of seed s is the same deal in
// Partner Center, Dataverse and Salesforce (same customer, amount, dates), so seeded data
// lines up across systems and a test can predict it.
struct SeedPerson
{
    QString firstName;
    QString lastName;
    QString email;
    QString phone;
    QString title;
    bool chinese = false;
};

struct SeedSolution
{
    QString id; // "SOL-12345-ABC"
    QString name;
    QString publisher;
};

struct SeedDeal
{
    int index = 0;
    QString referralId; // GUID, deterministic
    QString engagementId; // GUID, deterministic
    QString crmId; // GUID, deterministic (Dataverse opportunityid)
    QString salesforceId; // 18-char, deterministic ("006" prefix)
    QString company;
    QString dealName;
    SeedPerson contact; // customer contact
    SeedPerson seller; // our seller (team member)
    double amount = 0; // whole currency units
    QString currency; // ISO 4217
    QString country; // ISO 3166-1 alpha-2
    QString city;
    QString state;
    QString postalCode;
    QString addressLine1;
    QString size; // CustomerProfile.size enum value
    QString industry;
    SeedSolution solution;
    QDate closeDate;
    QDate createdDate;
    QString notes;
    QString helpCode; // inviteContext.assistanceRequestCode ("Unknown" = none)
    bool incoming = true; // Microsoft → us (New/Received), else ours (Active/Accepted)
    int salesStageIndex = 0; // 0..3 Qualify, Develop, Propose, Close
    int statusIndex = 0; // 0 New, 1 Active, 2 Closed-Won, 3 Closed-Lost
};

// Deterministic fake data. Uses its own PRNG (mt19937_64 + modulo), so output does not depend on
// the standard library's distributions. Not thread-safe; create one per thread or record.
class DataGenerator final
{
public:
    explicit DataGenerator(quint64 seed);
    // The generator for record `index` of `seed` (independent of how many records exist).
    static DataGenerator forRecord(quint64 seed, int index);
    // Record `index` of `seed`: the shared deal every system seeds from.
    static SeedDeal deal(quint64 seed, int index);

    quint64 next();
    int range(int low, int highInclusive);
    bool chance(double probability);
    template<typename T> const T &pick(const QList<T> &list)
    {
        return list.at(range(0, int(list.size()) - 1));
    }

    SeedPerson person(const QString &emailDomain);
    QString company();
    QString country();
    QString currencyFor(const QString &country) const;
    double amount(); // 5,000 .. 2,000,000, rounded to 500
    QDate date(const QDate &from, int maxDays);
    SeedSolution solution();
    QString guid(); // deterministic RFC 4122 v4-shaped GUID
    QString salesforceId(const QString &prefix);

    static const QStringList &countries();

private:
    std::mt19937_64 m_engine;
};

} // namespace cosell::sandbox
