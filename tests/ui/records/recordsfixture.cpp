// SPDX-License-Identifier: MIT
#include "tests/ui/records/recordsfixture.h"

#include "core/store/cachedcrmrecord.h"
#include "core/store/cachedreferral.h"
#include "core/store/conflictrepository.h"
#include "core/store/crmrecordrepository.h"
#include "core/store/fieldconflict.h"
#include "core/store/linkrepository.h"
#include "core/store/referralrepository.h"
#include "core/store/transaction.h"
#include "core/util/clock.h"

#include <QtTest>

namespace cosell::test {

RecordsFixture::RecordsFixture(const QString &path)
{
    const Status s = m_db.open(path, CacheDb::Role::Writer, QStringLiteral("records-fixture"));
    if (!s)
        qFatal("cannot open the fixture cache: %s", qPrintable(s.error().toString()));
}

QJsonObject RecordsFixture::referralJson(const QString &id, const QString &customer,
                                         const QString &name, double value)
{
    return {
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("status"), QStringLiteral("Active")},
        {QStringLiteral("substatus"), QStringLiteral("Accepted")},
        {QStringLiteral("type"), QStringLiteral("Independent")},
        {QStringLiteral("updatedDateTime"), QStringLiteral("2026-12-01T10:00:00Z")},
        {QStringLiteral("customerProfile"),
         QJsonObject {{QStringLiteral("name"), customer},
                      {QStringLiteral("address"),
                       QJsonObject {{QStringLiteral("country"), QStringLiteral("US")}}}}},
        {QStringLiteral("details"),
         QJsonObject {{QStringLiteral("dealValue"), value},
                      {QStringLiteral("currency"), QStringLiteral("USD")},
                      {QStringLiteral("closingDateTime"), QStringLiteral("2027-03-31T00:00:00Z")},
                      {QStringLiteral("notes"), QStringLiteral("Landing zone and migration")}}},
        {QStringLiteral("tags"), QJsonArray {QStringLiteral("azure")}},
    };
}

QJsonObject RecordsFixture::crmFields(const QString &customer, const QString &name, double value,
                                      bool syncFlag)
{
    return {
        {QStringLiteral("name"), name},
        {QStringLiteral("estimatedvalue"), value},
        {QStringLiteral("estimatedclosedate"), QStringLiteral("2027-03-31")},
        {QStringLiteral("statecode"), 0},
        {QStringLiteral("statuscode"), 1},
        {QStringLiteral("parentaccountid"), QJsonObject {{QStringLiteral("name"), customer}}},
        {QStringLiteral("mspc_syncwithpartnercenter"), syncFlag},
        {QStringLiteral("budgetamount"), 1000},
    };
}

void RecordsFixture::addReferral(const QJsonObject &json)
{
    CachedReferral referral;
    referral.id = json.value(QStringLiteral("id")).toString();
    referral.updatedAt = QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC);
    referral.json = json;
    QVERIFY2(ReferralRepository(m_db, Clock::system()).store(referral), "store referral");
}

void RecordsFixture::addCrm(const QString &id, const QJsonObject &fields)
{
    CachedCrmRecord record;
    record.system = QStringLiteral("dynamics");
    record.id = id;
    record.modifiedAt = QDateTime(QDate(2026, 12, 1), QTime(11, 0), Qt::UTC);
    record.json = {{QStringLiteral("system"), record.system},
                   {QStringLiteral("id"), id},
                   {QStringLiteral("fields"), fields}};
    QVERIFY2(CrmRecordRepository(m_db, Clock::system()).store(record), "store CRM record");
}

qint64 RecordsFixture::addLink(const QString &referralId, const QString &crmId, Link::State state,
                               const QJsonObject &base, const QString &error)
{
    LinkRepository links(m_db, Clock::system());
    Link link;
    link.referralId = referralId;
    link.system = QStringLiteral("dynamics");
    link.crmId = crmId;
    link.base = base;
    link.state = Link::State::Pending;
    auto id = links.create(link);
    if (!id)
        qFatal("cannot create a link: %s", qPrintable(id.error().toString()));
    if (state == Link::State::Synced) {
        if (!links.markSynced(id.value(), base))
            qFatal("markSynced failed");
    } else if (state != Link::State::Pending) {
        if (!links.setState(id.value(), state, error))
            qFatal("setState failed");
    }
    return id.value();
}

void RecordsFixture::addOpenConflict(qint64 linkId, const QString &field)
{
    FieldConflict conflict;
    conflict.linkId = linkId;
    conflict.field = field;
    conflict.base = QStringLiteral("a");
    conflict.pcValue = QStringLiteral("b");
    conflict.crmValue = QStringLiteral("c");
    QVERIFY2(ConflictRepository(m_db, Clock::system()).record(conflict), "record conflict");
}

void RecordsFixture::addPairs(int count)
{
    QList<CachedReferral> referrals;
    QList<CachedCrmRecord> records;
    referrals.reserve(count);
    records.reserve(count);
    const QDateTime when(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC);
    for (int i = 0; i < count; ++i) {
        const QString customer = QStringLiteral("Customer %1").arg(i);
        const QString name = QStringLiteral("Deal %1").arg(i);
        CachedReferral referral;
        referral.id = QStringLiteral("ref-%1").arg(i);
        referral.updatedAt = when;
        referral.json = referralJson(referral.id, customer, name, 1000 + i);
        referrals.append(referral);
        CachedCrmRecord record;
        record.system = QStringLiteral("dynamics");
        record.id = QStringLiteral("opp-%1").arg(i);
        record.modifiedAt = when;
        record.json = {{QStringLiteral("system"), record.system},
                       {QStringLiteral("id"), record.id},
                       {QStringLiteral("fields"), crmFields(customer, name, 1000 + i)}};
        records.append(record);
    }
    if (!ReferralRepository(m_db, Clock::system()).storeAll(referrals)
        || !CrmRecordRepository(m_db, Clock::system()).storeAll(records))
        qFatal("cannot store the pairs");
    Transaction transaction(m_db);
    LinkRepository links(m_db, Clock::system());
    for (int i = 0; i < count; ++i) {
        Link link;
        link.referralId = QStringLiteral("ref-%1").arg(i);
        link.system = QStringLiteral("dynamics");
        link.crmId = QStringLiteral("opp-%1").arg(i);
        auto id = links.create(link);
        if (!id || !links.markSynced(id.value(), {}))
            qFatal("cannot create the links");
    }
    if (!transaction.commit())
        qFatal("cannot commit the links");
}

} // namespace cosell::test
