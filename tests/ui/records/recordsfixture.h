// SPDX-License-Identifier: MIT
#pragma once

#include "core/store/cachedb.h"
#include "core/store/link.h"

#include <QJsonObject>
#include <QString>

namespace cosell::test {

// Builds a real cache file for the Records view tests and benchmark through the store's
// own repositories (Writer connection). Same thread throughout.
class RecordsFixture final
{
public:
    explicit RecordsFixture(const QString &path);

    CacheDb &db() { return m_db; }

    static QJsonObject referralJson(const QString &id, const QString &customer, const QString &name,
                                    double value);
    // A Dynamics opportunity in the cache envelope ({"system","id","fields"}).
    static QJsonObject crmFields(const QString &customer, const QString &name, double value,
                                 bool syncFlag = true);

    void addReferral(const QJsonObject &json);
    void addCrm(const QString &id, const QJsonObject &fields);
    qint64 addLink(const QString &referralId, const QString &crmId, Link::State state,
                   const QJsonObject &base = {}, const QString &error = {});
    void addOpenConflict(qint64 linkId, const QString &field);

    // count linked pairs ("ref-<i>" ↔ "opp-<i>", synced) in one transaction.
    void addPairs(int count);

private:
    CacheDb m_db;
};

} // namespace cosell::test
