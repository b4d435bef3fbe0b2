// SPDX-License-Identifier: MIT
#pragma once

#include "core/mapping/recordmapper.h"
#include "core/sync/remoteside.h"

#include <memory>

#include <QObject>

namespace cosell {

class ReferralsClient;

// RemoteSide over the Partner Center referrals API: wire JSON ↔ canonical values through
// the RecordMapper. Not owning: the client must outlive it. Thread: the client's.
//
// Change feed cursor: the updatedDateTime (ISO, ms) of the last referral read, queried with
// "updatedDateTime ge" (the last one is read again and is a no-op for the engine); while
// a sweep pages, the cursor is "next:" + the @odata.nextLink so equal timestamps across a
// page boundary are never skipped.
class PartnerCenterSide final : public RemoteSide
{
public:
    PartnerCenterSide(ReferralsClient &client, std::shared_ptr<const RecordMapper> mapper);
    ~PartnerCenterSide() override;

    void changesSince(const QString &cursor, Callback<ChangeBatch> done) override;
    void get(const QString &id, Callback<SideRecord> done) override;
    void findByLinkedId(const QString &linkedId, Callback<std::optional<SideRecord>> done) override;
    void create(const CreateRequest &request, Callback<SideRecord> done) override;
    void update(const QString &id, const QString &etag, const QJsonObject &changes,
                Callback<SideRecord> done) override;
    void linkBack(const QString &id, const QString &linkedId, Callback<SideRecord> done) override;
    void writeAudit(const QString &id, const QString &message, Callback<SideRecord> done) override;

    SideRecord toSideRecord(const QJsonObject &referral) const;

    // Wire JSON merged under every create body (keys the mapping sets win), for what
    // Partner Center requires but no mapped field carries (e.g. details.requirements.solutions).
    void setCreateDefaults(const QJsonObject &defaults) { m_createDefaults = defaults; }

private:
    ReferralsClient &m_client;
    std::shared_ptr<const RecordMapper> m_mapper;
    QJsonObject m_createDefaults;
    std::unique_ptr<QObject> m_context; // callbacks die with the side
};

} // namespace cosell
