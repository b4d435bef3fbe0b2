// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace cosell {

// One related record a write refers to, as CrmSide hands it to a connector: the nested object
// under a relationship (Dataverse navigation property, Salesforce relationship name) whose
// members are plain column values or a lookup marker {"$lookup": entity, "match": [columns],
// "value": v} (ValueTransform's "lookup"):
//   {"parentaccountid": {"name": {"$lookup": "account", "match": ["name",
//    "address1_postalcode"], "value": "Contoso"}, "address1_country": "US"}}
// The connector finds the record by `match` (create it when none and the table allows),
// then writes a reference instead of the object. Pure value type.
struct RelatedValue
{
    QString relationship; // parentaccountid, Account
    QString table; // accounts, Account: where it is looked up and created
    QJsonObject values; // column → value (nulls dropped): what a new record is created with
    QStringList matchColumns; // what it is found by, first the lookup's own column
    // The match columns that have a value; empty when the first one (the lookup's own column:
    // the account name, the contact email) has none, since a postal code alone names no
    // account. Such a value is neither looked up nor created: the write leaves it unbound.
    QJsonObject match;

    // Identifies the record within `table` (case-insensitive values); empty when there is
    // nothing to match on.
    QString key() const;
    // The log line for a value without a key: nothing found, created or bound, and why.
    QString unboundMessage() const;
    // Whether `row` (a found record) has every match value (case-insensitive for text).
    bool matches(const QJsonObject &row) const;

    // Records in *cache (key() → the row's `idField`) each of `values` that one of `rows`
    // (a lookup query's answer) matches, unless the cache already knows it.
    static void remember(const QJsonArray &rows, const QList<RelatedValue> &values,
                         const QString &idField, QHash<QString, QString> *cache);
    // Whether any member of `fields` is an object (a related value).
    static bool anyIn(const QJsonObject &fields);
    // Moves the related values out of `fields` into *related (relationship → table through
    // `tables`; one without a table is left out and named in *unknown). Match columns: the
    // lookup marker's, else `defaultMatch` of the table.
    static QJsonObject split(const QJsonObject &fields, const QHash<QString, QString> &tables,
                             const QHash<QString, QStringList> &defaultMatch,
                             QList<RelatedValue> *related, QStringList *unknown);
};

} // namespace cosell
