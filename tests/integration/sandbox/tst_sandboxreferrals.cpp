// SPDX-License-Identifier: MIT
// Contract tests of the simulated Partner Center referrals API over real HTTP on loopback: reads
// (paging, $top/$select, $filter, bad queries, get).
#include "referralsapifixture.h"

#include <QSet>
#include <QTest>

using namespace cosell::sandbox;
using namespace cosell::sandbox::test;

class TstSandboxReferrals : public QObject, protected ReferralsApiFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { start(); }
    void cleanup() { m_server.reset(); }

    void listPagesThroughEverything()
    {
        QSet<QString> ids;
        QString next = base();
        int pages = 0;
        QString previous;
        while (!next.isEmpty() && pages < 10) {
            const auto page = m_http.get(next);
            QCOMPARE(page.status, 200);
            const QJsonObject body = page.object();
            QCOMPARE(body.value(QStringLiteral("@odata.count")).toInt(), 250);
            const QJsonArray value = body.value(QStringLiteral("value")).toArray();
            QVERIFY(value.size() <= 100);
            for (const QJsonValue &item : value) {
                const QJsonObject referral = item.toObject();
                ids.insert(referral.value(QStringLiteral("id")).toString());
                const QString created =
                    referral.value(QStringLiteral("createdDateTime")).toString();
                QVERIFY(created >= previous); // default order: createdDateTime asc
                previous = created;
                QVERIFY(
                    referral.contains(QStringLiteral("externalReferenceId"))); // nulls are emitted
                QVERIFY(referral.value(QStringLiteral("eTag")).toString().startsWith(u'"'));
            }
            next = body.value(QStringLiteral("@odata.nextLink")).toString();
            ++pages;
        }
        QCOMPARE(pages, 3);
        QCOMPARE(ids.size(), 250);
    }

    void topAndSelect()
    {
        const auto page = m_http.get(base() + QStringLiteral("?$top=7&$select=id,status"));
        QCOMPARE(page.status, 200);
        const QJsonArray value = page.object().value(QStringLiteral("value")).toArray();
        QCOMPARE(value.size(), 7);
        QCOMPARE(value.first().toObject().keys(),
                 (QStringList {QStringLiteral("id"), QStringLiteral("status")}));
        QVERIFY(page.object()
                    .value(QStringLiteral("@odata.nextLink"))
                    .toString()
                    .contains(QStringLiteral("$skiptoken=")));
        QCOMPARE(m_http.get(base() + QStringLiteral("?$top=500"))
                     .object()
                     .value(QStringLiteral("value"))
                     .toArray()
                     .size(),
                 100);
    }

    void filterByStatusAndUpdatedDateTime()
    {
        const auto page =
            m_http.get(base()
                       + QStringLiteral("?$filter=status%20eq%20'New'%20and%20updatedDateTime%20ge%"
                                        "202025-06-01T00:00:00Z&$orderby=updatedDateTime%20asc"));
        QCOMPARE(page.status, 200);
        const QJsonArray value = page.object().value(QStringLiteral("value")).toArray();
        QVERIFY(!value.isEmpty());
        QString previous;
        for (const QJsonValue &item : value) {
            const QJsonObject referral = item.toObject();
            QCOMPARE(referral.value(QStringLiteral("status")).toString(), QStringLiteral("New"));
            const QString updated = referral.value(QStringLiteral("updatedDateTime")).toString();
            QVERIFY(updated >= QStringLiteral("2025-06-01T00:00:00.0000000Z"));
            QVERIFY(updated >= previous);
            previous = updated;
        }
        QCOMPARE(page.object().value(QStringLiteral("@odata.count")).toInt(), value.size());
        const auto team = m_http.get(
            base()
            + QStringLiteral("?$filter=team/any(t:t/email%20eq%20'nobody@nowhere.example')"));
        QCOMPARE(team.status, 200);
        QCOMPARE(team.object().value(QStringLiteral("value")).toArray().size(), 0);
    }

    void badQueriesAre400()
    {
        QCOMPARE(m_http.get(base() + QStringLiteral("?$filter=colour%20eq%20'red'")).status, 400);
        QCOMPARE(m_http.get(base() + QStringLiteral("?$filter=status%20eq")).status, 400);
        QCOMPARE(m_http.get(base() + QStringLiteral("?$orderby=name%20asc")).status, 400);
        QCOMPARE(m_http.get(base() + QStringLiteral("?$top=abc")).status, 400);
        const auto garbage = m_http.get(base() + QStringLiteral("?$skiptoken=garbage!!"));
        QCOMPARE(garbage.status, 400);
        QCOMPARE(errorCode(garbage), QStringLiteral("invalidRequest"));
        // A skiptoken only continues the query it came from.
        const QString link = m_http.get(base() + QStringLiteral("?$top=5"))
                                 .object()
                                 .value(QStringLiteral("@odata.nextLink"))
                                 .toString();
        const QString skip = QUrlQuery(QUrl(link)).queryItemValue(QStringLiteral("$skiptoken"));
        QCOMPARE(m_http
                     .get(base()
                          + QStringLiteral("?$top=5&$orderby=updatedDateTime%20desc&$skiptoken=")
                          + skip)
                     .status,
                 400);
        // Expired after an hour.
        m_server->clock().advance(2 * 3600 * 1000);
        m_http.bearer = token(QStringLiteral("admin@partner.example")); // the old one expired too
        QCOMPARE(m_http.get(link).status, 400);
    }

    void getByIdAndNotFound()
    {
        const QString id = firstReferral().value(QStringLiteral("id")).toString();
        const auto found = m_http.get(base() + u'/' + id);
        QCOMPARE(found.status, 200);
        QVERIFY(found.object()
                    .value(QStringLiteral("@odata.context"))
                    .toString()
                    .endsWith(QStringLiteral("$metadata#Referrals/$entity")));
        QCOMPARE(found.object().value(QStringLiteral("id")).toString(), id);
        const auto missing =
            m_http.get(base() + QStringLiteral("/00000000-0000-0000-0000-000000000000"));
        QCOMPARE(missing.status, 404);
        QCOMPARE(errorCode(missing), QStringLiteral("itemNotFound"));
        QCOMPARE(missing.object()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("target"))
                     .toString(),
                 QStringLiteral("referral"));
    }
};

QTEST_GUILESS_MAIN(TstSandboxReferrals)
#include "tst_sandboxreferrals.moc"
