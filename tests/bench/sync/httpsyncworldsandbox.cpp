// SPDX-License-Identifier: MIT
// HttpSyncWorld: what the sandbox holds, read directly (no engine, no HTTP).
#include "app/sandbox/dataverse/dataverseservice.h"
#include "app/sandbox/partnercenter/referralsservice.h"
#include "app/sandbox/server/sandboxserver.h"
#include "tests/bench/sync/httpsyncworld.h"

namespace cosell::bench {

QJsonObject HttpSyncWorld::referral(const QString &id) const
{
    const sandbox::ReferralRow *row =
        m_server->service<sandbox::ReferralsService>()->store().find(id);
    return row ? row->object() : QJsonObject();
}

QByteArray HttpSyncWorld::referralJson(const QString &id) const
{
    const sandbox::ReferralRow *row =
        m_server->service<sandbox::ReferralsService>()->store().find(id);
    return row ? row->json : QByteArray();
}

QSet<QString> HttpSyncWorld::takeWritten()
{
    QSet<QString> ids;
    const sandbox::RecordTable *table =
        m_server->service<sandbox::DataverseService>()->store().table(
            QStringLiteral("opportunities"));
    const auto &changes = table->changes();
    for (auto it = changes.upper_bound(m_writtenVersion); it != changes.end(); ++it)
        ids.insert(it->second.id);
    if (!changes.empty())
        m_writtenVersion = changes.rbegin()->first;
    // From the last time seen, inclusive: a row written later in the same millisecond counts.
    constexpr auto order = sandbox::ReferralStore::Order::UpdatedAsc;
    m_server->service<sandbox::ReferralsService>()->store().scan(
        order, nullptr, m_writtenFrom, [&](const sandbox::ReferralRow &row) {
            ids.insert(row.id);
            m_writtenFrom = sandbox::ReferralStore::keyOf(row, order).first;
            return true;
        });
    return ids;
}

QList<QJsonObject> HttpSyncWorld::referrals() const
{
    QList<QJsonObject> out;
    for (const sandbox::ReferralRow *row :
         m_server->service<sandbox::ReferralsService>()->store().all())
        out.append(row->object());
    return out;
}

QJsonObject HttpSyncWorld::opportunity(const QString &id) const
{
    sandbox::RecordTable *table = m_server->service<sandbox::DataverseService>()->store().table(
        QStringLiteral("opportunities"));
    const sandbox::CrmRecord *row = table ? table->find(id) : nullptr;
    return row ? row->fields : QJsonObject();
}

int HttpSyncWorld::opportunityCount() const
{
    sandbox::RecordTable *table = m_server->service<sandbox::DataverseService>()->store().table(
        QStringLiteral("opportunities"));
    return table ? table->size() : 0;
}

QList<QPair<QString, QString>> HttpSyncWorld::openLinkedPairs() const
{
    QList<QPair<QString, QString>> out;
    for (const sandbox::ReferralRow *row :
         m_server->service<sandbox::ReferralsService>()->store().all()) {
        if (row->externalReferenceId.isEmpty() || row->status == u"Closed")
            continue;
        const QJsonObject o = opportunity(row->externalReferenceId);
        if (!o.isEmpty() && o.value(QStringLiteral("statecode")).toInt(-1) == 0)
            out.append({row->id, row->externalReferenceId});
    }
    return out;
}

} // namespace cosell::bench
