// SPDX-License-Identifier: MIT
#pragma once

#include "core/crm/crmconnector.h"

#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace cosell {

// The related-row columns DynamicsConnector reads with each opportunity: mapping paths
// "<navigation property>.<column>" ("parentaccountid.name") grouped per navigation property.
// Single reads and queries ask for them with $expand; change-tracking reads cannot (crm.md A.7),
// so their rows' related records are read afterwards by id (GETs with a $filter on the lookup
// values _<nav>_value) and put in place. Either way a record carries them as
// $expand answers: {"parentaccountid": {"name": …, "accountid": …}} or null when the lookup
// is empty. Pure; no I/O.
class DynamicsRelated final
{
public:
    struct Table
    {
        QString entitySet; // accounts
        QString idField; // accountid
    };

    // `tables`: DynamicsConfig::relatedTables. Paths without a dot are not related fields and
    // are skipped; a navigation property with no table is skipped and returned in *unknown.
    void setPaths(const QStringList &paths, const QHash<QString, QString> &tables,
                  QStringList *unknown = nullptr);
    bool isEmpty() const { return m_navs.isEmpty(); }

    // "parentaccountid($select=name,address1_country),parentcontactid($select=emailaddress1)"
    QString expandOption() const;
    // The resources ("accounts?$select=…&$filter=…", percent-encoded, below the Web API root)
    // whose GETs read the related rows of `records` (deleted ones skipped), at most
    // `idsPerRequest` ids each.
    QStringList readResources(const QList<CrmRecordData> &records, int idsPerRequest) const;
    // The resources ("<entitySet>?$select=…&$filter=<idField> eq a or …", percent-encoded)
    // whose GETs read the rows `ids`, at most `idsPerRequest` each; no $select when empty.
    static QStringList byIdResources(const QString &entitySet, const QString &idField,
                                     const QStringList &ids, int idsPerRequest,
                                     const QStringList &select = {});
    // Puts the rows (the "value" arrays of the readResources answers) under each record's
    // navigation properties; null when the lookup is empty or its row is not found.
    void merge(QList<CrmRecordData> *records, const QList<QJsonArray> &answers) const;

private:
    struct Nav
    {
        QString name;
        Table table;
        QStringList columns;
        QString lookupColumn() const { return u'_' + name + QStringLiteral("_value"); }
    };
    QList<Nav> m_navs;
};

} // namespace cosell
