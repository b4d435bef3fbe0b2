// SPDX-License-Identifier: MIT
#pragma once

#include "core/crm/crmconnector.h"
#include "core/mapping/recordmapper.h"
#include "core/sync/namemark.h"
#include "core/sync/remoteside.h"

#include <memory>

#include <QObject>

namespace cosell {

// RemoteSide over a CrmConnector (Dynamics 365 or Salesforce): CRM fields ↔ canonical
// values through the RecordMapper. Not owning the connector (it must outlive the side).
// Thread: the connector's.
//
// SideRecord::etag carries what optimistic concurrency needs: the Dataverse @odata.etag,
// or, when the CRM has none (Salesforce), the SystemModstamp as ISO text with ms.
//
// Name mark (on by default when the spec's nameCheckMark is): every name written to the
// CRM carries ✔ (create, update, link-back), a failed precondition ✖ (writeAudit). The mark
// is stripped from the canonical name of every record read, so it never reaches Partner
// Center and writing it is never a change to echo back.
class CrmSide final : public RemoteSide
{
public:
    struct Fields
    {
        QString referralId; // Referral Identifier column
        QString stage; // stage name column (on-hold rule)
        QString name; // the opportunity name column (name mark)
        QString onHoldStage; // the mapping's on-hold stage value; empty: none
    };

    CrmSide(CrmConnector &connector, std::shared_ptr<const RecordMapper> mapper);
    ~CrmSide() override;

    void changesSince(const QString &cursor, Callback<ChangeBatch> done) override;
    void get(const QString &id, Callback<SideRecord> done) override;
    // The opportunity whose Referral Identifier is `linkedId` (a connector query), so a
    // create that reached the CRM before a crash is found instead of written again.
    void findByLinkedId(const QString &linkedId, Callback<std::optional<SideRecord>> done) override;
    void create(const CreateRequest &request, Callback<SideRecord> done) override;
    void createMany(const QList<CreateRequest> &requests,
                    std::function<void(QList<Result<SideRecord>>)> done) override;
    void update(const QString &id, const QString &etag, const QJsonObject &changes,
                Callback<SideRecord> done) override;
    void linkBack(const QString &id, const QString &linkedId, Callback<SideRecord> done) override;
    void writeAudit(const QString &id, const QString &message, Callback<SideRecord> done) override;

    SideRecord toSideRecord(const CrmRecordData &data) const;
    const Fields &fields() const { return m_fields; }

    // The ✔/✖ name mark (SyncConfig::nameMark and the spec's nameCheckMark); default: the spec's.
    void setNameMark(bool on) { m_nameMarkOn = on; }
    bool nameMarkOn() const { return m_nameMarkOn && !m_fields.name.isEmpty(); }

private:
    // get, then update the changes `build` makes of the current record (CRM field names)
    // with its concurrency token, then get.
    void writeFields(const QString &id, std::function<QJsonObject(const CrmRecordData &)> build,
                     Callback<SideRecord> done);
    // CRM fields for a write: the name with ✔ when marking. Related-record values (customer
    // account, contact, currency) stay nested for the connector to find, create and bind.
    QJsonObject forWrite(QJsonObject fields) const;
    void updateWith(const CrmRecordData &record, const QJsonObject &changes,
                    Callback<SideRecord> done);
    // `writes` through the connector's batch, each answered as the record written (read with
    // the batch where the connector can, else with a get) with the connector's notes.
    void writeBatch(QList<CrmWrite> writes, std::function<void(QList<Result<SideRecord>>)> done);
    // A write with related values as a batch of one (the connectors send those through
    // writeBatch anyway), so its notes reach the record.
    void writeRelated(const CrmWrite &write, Callback<SideRecord> done);

    CrmConnector &m_connector;
    std::shared_ptr<const RecordMapper> m_mapper;
    Fields m_fields;
    NameMark m_mark;
    bool m_nameMarkOn = false;
    std::unique_ptr<QObject> m_context; // callbacks die with the side
};

} // namespace cosell
