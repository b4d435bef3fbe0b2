// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

class QSettings;

namespace cosell {

// The documented sync rules (spec/field-mapping.md §6, §8) and the engine's knobs, with the
// documented behaviour as defaults. Canonical field names refer to the active mapping's
// canonical fields. Plain value; read from and written to a QSettings group "sync".
struct SyncConfig
{
    // CRM → Partner Center
    bool createInPartnerCenter = true;
    bool requireSyncFlag = true; // only "Sync with Partner Center = Yes" opportunities go to PC
    bool respectOnHoldStage = true; // nothing goes to PC while the opportunity is on hold
    // Empty: the on-hold stage is the mapping's "onHoldStage" setting (Salesforce; the
    // Dynamics mapping has none). A name here replaces it, for every CRM.
    QString onHoldStage;
    bool requireSolution = true; // "Solution ID is required"
    QString solutionsField = QStringLiteral("solutions");
    bool requireTwoLetterCountry = true;
    QString countryField = QStringLiteral("customerCountry");
    bool requireContactWhenHelp = true;
    QString helpField = QStringLiteral("assistance");
    QString contactField = QStringLiteral("contactEmail");
    // Help values that mean "no help asked" (a co-sell referral needs a contact otherwise).
    QStringList noHelpValues {QString(), QStringLiteral("Unknown"), QStringLiteral("None")};

    // Partner Center → CRM
    bool createInCrm = true;
    // Referral types created in the CRM ("If it's new Shared opportunity"); empty = any.
    QStringList crmCreateReferralTypes {QStringLiteral("Shared")};
    bool skipClosedReferralsOnCreate = true;
    // A referral that names a CRM id the CRM does not have is ignored (§6.1).
    bool ignoreReferralsWithUnknownCrmId = true;

    // Both directions: a closed deal (won, lost, declined, expired) is read-only — no new
    // referral from a closed opportunity, and no update or link-back written to a side
    // whose record is closed (Partner Center allows no edits after a terminal state;
    // Dataverse refuses writes to a closed opportunity). A change of the status itself
    // still reaches the side that is open. `statusField` is the canonical status field
    // ({"status": "Closed", ...} or "Closed").
    bool closedDealsReadOnly = true;
    QString statusField = QStringLiteral("status");

    // Engine
    int sweepIntervalSeconds = 300;
    // The CRM has no webhook (only Partner Center does), so a CRM edit reaches Partner Center
    // at the next sweep. A poll interval > 0 reads the CRM's changes that often in between
    // (one delta request when nothing changed; Partner Center is not read by a poll: its
    // changes come by webhook and by the sweep).
    // Off (0) by default: every poll is an API call, and CRMs meter them (Salesforce counts
    // calls per org per day; Dataverse per user per 5 minutes), so an admin opts in.
    // Milliseconds, so a loopback benchmark can ask for less than a second.
    int crmPollIntervalMs = 0;
    int maxAttempts = 8; // then the outbox row is dead-lettered
    int backoffBaseMs = 1000; // doubled per attempt, capped, with jitter
    int backoffMaxMs = 10 * 60 * 1000;
    int batchSize = 100; // CRM writes per $batch / sObject Collection request
    bool nameMark = true; // ✔ / ✖ at the end of the opportunity name

    static SyncConfig fromSettings(QSettings &settings);
    void save(QSettings &settings) const;
};

} // namespace cosell
