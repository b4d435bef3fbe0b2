// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace cosell {

// Where and how DynamicsConnector talks to one Dataverse environment (spec/crm.md part A).
// Custom column names are not published by Microsoft (field-mapping.md §2): they are
// "<customPrefix>_<role>" unless overridden per role in `customNames`.
struct DynamicsConfig
{
    // Environment root, e.g. https://contoso.crm.dynamics.com (a setting); the Web API root
    // is <url>/api/data/<apiVersion>/.
    QUrl url;
    QString apiVersion = QStringLiteral("v9.2");
    QString entitySet = QStringLiteral("opportunities");
    QString logicalName = QStringLiteral("opportunity");
    QString idField = QStringLiteral("opportunityid");

    QString customPrefix = QStringLiteral("mspc");
    QHash<QString, QString> customNames; // role → logical name override
    // Roles the sync needs on the opportunity; checkSchema reports the missing ones.
    QStringList requiredRoles {QStringLiteral("syncwithpartnercenter"),
                               QStringLiteral("referralidentifier"),
                               QStringLiteral("referrallink"),
                               QStringLiteral("howcanmicrosofthelp"),
                               QStringLiteral("referralvisibility"),
                               QStringLiteral("microsoftcrmidentifier"),
                               QStringLiteral("products"),
                               QStringLiteral("audit")};
    // Role of the alternate key used by upsertByReferralId.
    QString referralIdRole = QStringLiteral("referralidentifier");

    // Lookup navigation properties whose related rows reads include (setRelatedFields) and
    // writes resolve: navigation property → "<entity set>/<id column>" (spec/crm.md A.3).
    QHash<QString, QString> relatedTables {
        {QStringLiteral("parentaccountid"), QStringLiteral("accounts/accountid")},
        {QStringLiteral("parentcontactid"), QStringLiteral("contacts/contactid")},
        {QStringLiteral("transactioncurrencyid"),
         QStringLiteral("transactioncurrencies/transactioncurrencyid")}};
    // Writes (related values, RelatedValue): the columns a related row is found by when the
    // mapping names none, per entity set; the sets a missing row is created in (the others,
    // e.g. currencies, are left unbound); the navigation property that links a new row to the
    // account (entity set "accounts") of the same write.
    QHash<QString, QStringList> relatedMatch {
        {QStringLiteral("accounts"), {QStringLiteral("name")}},
        {QStringLiteral("contacts"), {QStringLiteral("emailaddress1")}},
        {QStringLiteral("transactioncurrencies"), {QStringLiteral("isocurrencycode")}}};
    QStringList relatedCreatable {QStringLiteral("accounts"), QStringLiteral("contacts")};
    QHash<QString, QString> relatedAccountBind {
        {QStringLiteral("contacts"), QStringLiteral("parentcustomerid_account")}};
    // Related values per lookup GET ($filter of or-ed matches, about 100 URL characters each;
    // GET URLs are limited to 32 KB).
    int lookupsPerRequest = 100;
    // Related rows per GET of a change-tracking page's related read ($filter of ids; about
    // 55 URL characters each, and GET URLs are limited to 32 KB).
    int relatedIdsPerRequest = 100;

    // Prefer: odata.maxpagesize (rows per page, ≤ 5000) for change tracking reads.
    int pageSize = 500;
    // Operations per $batch request; Dataverse allows at most 1000 (A.8).
    int batchSize = 1000;

    QString customField(const QString &role) const
    {
        const QString overridden = customNames.value(role);
        return overridden.isEmpty() ? customPrefix + u'_' + role : overridden;
    }
};

} // namespace cosell
