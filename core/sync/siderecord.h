// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace cosell {

// A record of either side as the engine sees it: canonical values (the mapping's output)
// plus the few facts the documented rules need. The side adapters (Partner Center client +
// mapping, CRM connector + mapping) produce these.
struct SideRecord
{
    QString id;
    QString etag; // referral eTag / @odata.etag; empty when the side has none
    QDateTime modified; // updatedDateTime / modifiedon / SystemModstamp
    QJsonObject values; // canonical
    // Partner Center: externalReferenceId (the CRM id). CRM: the Referral Identifier.
    QString linkedId;
    // Partner Center facts.
    QString type;
    QString status;
    // CRM facts.
    bool syncWithPartnerCenter = false;
    QString stage;
    // In the mapping's on-hold stage (Salesforce "onHoldStage" setting): a referral shared by
    // Microsoft and not yet accepted, whose edits stay in the CRM.
    bool onHold = false;
    bool deleted = false; // a change feed may report deletions
    // A record answered by a write: what the write decided that the values do not show (CRM:
    // CrmWriteResult::notes, a related value left unbound), for the write's audit entry.
    QStringList writeNotes;
};

} // namespace cosell
