// SPDX-License-Identifier: MIT
// SalesforceConnector deletions against the sandbox's Salesforce: getDeleted (crm.md B.6) at
// the end of a complete sweep, tombstones once, older cursors, a purged or too old window.
#include "app/sandbox/server/sandboxserver.h"
#include "core/auth/oauthtokenprovider.h"
#include "core/crm/salesforceconnector.h"
#include "core/net/serviceerror.h"
#include "tests/integration/crm/crmtestfixture.h"

#include <QNetworkReply>
#include <QTest>

namespace cosell::test {
namespace {

constexpr int kSeeded = 25;

} // namespace

class TestSalesforceDeletions : public CrmTestFixture
{
    Q_OBJECT

    std::unique_ptr<SalesforceConnector> m_crm;

    // DELETE through the API (an API call like the connector's); returns the HTTP status.
    int remove(const QString &id)
    {
        HttpRequest r;
        r.service = Service::Salesforce;
        r.method = "DELETE";
        r.url = QUrl(m_tokens->instanceUrl().toString()
                     + QStringLiteral("/services/data/v62.0/sobjects/Opportunity/") + id);
        r.auth = m_tokens.get();
        const auto response = waitForResult<HttpResponse>(
            [&](auto done) { m_sandbox->http().send(r, this, done); }, QStringLiteral("TIMEOUT"));
        return response ? response->status : response.error().httpStatus;
    }

private Q_SLOTS:
    void init()
    {
        const QString failed = startSalesforce(kSeeded);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        m_crm = std::make_unique<SalesforceConnector>(m_sandbox->http(), *m_tokens,
                                                      salesforceConfig(*m_tokens));
    }
    void cleanup()
    {
        m_crm.reset();
        m_tokens.reset();
        m_sandbox.reset();
    }

    // Deletions come from getDeleted (crm.md B.6) at the end of a complete sweep, once each.
    void deletionsArriveAsTombstonesOnce()
    {
        QList<CrmRecordData> records;
        int calls = 0;
        const QString cursor = readAll(*m_crm, &records, &calls);
        QCOMPARE(records.size(), kSeeded);
        for (const CrmRecordData &r : std::as_const(records))
            QVERIFY(!r.deleted);
        const QDateTime readAt = m_sandbox->server().clock().now().toUTC();
        const QString gone = records.at(2).id;
        const QString edited = records.at(7).id;
        QCOMPARE(remove(gone), 204);
        m_sandbox->advanceSandboxClock(2);
        QCOMPARE(sellerEdit(edited, "{\"fields\":{\"Name\":\"Edited after a delete\"}}"), 200);
        // getDeleted covers whole past minutes only: move past the minute of the delete.
        m_sandbox->advanceSandboxClock(120);
        const qint64 before = m_sandbox->sandboxRequests(QStringLiteral("/deleted"));
        const auto page = changes(*m_crm, cursor);
        QVERIFY2(page.ok(), why(page));
        QCOMPARE(m_sandbox->sandboxRequests(QStringLiteral("/deleted")) - before, 1);
        QCOMPARE(page->records.size(), 2);
        QCOMPARE(page->records.at(0).id, edited); // changes first, then deletions
        QVERIFY(!page->records.at(0).deleted);
        QCOMPARE(page->records.at(1).id, gone);
        QVERIFY(page->records.at(1).deleted);
        QVERIFY(!page->more);

        m_sandbox->advanceSandboxClock(120);
        const auto again = changes(*m_crm, page->cursor);
        QVERIFY2(again.ok(), why(again));
        QVERIFY(again->records.isEmpty()); // the delete is not reported twice

        // A cursor written before deletions were tracked ("<stamp>|<id>") starts its deletion
        // window at its own stamp, not at the stamp its sweep moves on to (the edit, made after
        // the delete, possibly in the next minute): the deletion is still reported.
        const QString legacyCursor =
            readAt.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")) + u'|';
        const auto legacy = changes(*m_crm, legacyCursor);
        QVERIFY2(legacy.ok(), why(legacy));
        bool sawGone = false;
        for (const CrmRecordData &r : legacy->records)
            sawGone = sawGone || (r.id == gone && r.deleted);
        QVERIFY(sawGone);
        // One whose stamp is older than the delete log (the seeded rows are a year old) cannot
        // say what was deleted since: a full read is needed.
        const auto tooOld = changes(*m_crm, cursor.section(u'|', 0, 1));
        QVERIFY(!tooOld.ok());
        QCOMPARE(tooOld.error().code, QStringLiteral("CURSOR_EXPIRED"));

        // Without reportDeletions no getDeleted call is made.
        SalesforceConnectorConfig c = salesforceConfig(*m_tokens);
        c.reportDeletions = false;
        SalesforceConnector quiet(m_sandbox->http(), *m_tokens, c);
        const qint64 before2 = m_sandbox->sandboxRequests(QStringLiteral("/deleted"));
        const auto none = changes(quiet, cursor);
        QVERIFY2(none.ok(), why(none));
        QCOMPARE(none->records.size(), 1);
        QCOMPARE(m_sandbox->sandboxRequests(QStringLiteral("/deleted")) - before2, 0);
    }

    void purgedDeleteLogExpiresTheCursor()
    {
        QList<CrmRecordData> records;
        int calls = 0;
        const QString cursor = readAll(*m_crm, &records, &calls);
        QCOMPARE(remove(records.at(4).id), 204);
        m_sandbox->advanceSandboxClock(120);
        // The org purged its delete log up to now: the window since the cursor is incomplete.
        QCOMPARE(sandboxControl("POST", QStringLiteral("/control/salesforce/deleted/purge"), "{}"),
                 200);
        m_sandbox->advanceSandboxClock(60);
        const auto page = changes(*m_crm, cursor);
        QVERIFY(!page.ok());
        QCOMPARE(page.error().code, QStringLiteral("CURSOR_EXPIRED"));
        // Too old for the 15-day window: the service's INVALID_REPLICATION_DATE, same answer.
        const QString old = cursor.section(u'|', 0, 1) + u'|'
            + m_sandbox->server().clock().now().toUTC().addDays(-20).toString(
                QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
        const auto tooOld = changes(*m_crm, old);
        QVERIFY(!tooOld.ok());
        QCOMPARE(tooOld.error().code, QStringLiteral("CURSOR_EXPIRED"));
        // A full read starts over and works.
        QVERIFY(changes(*m_crm, {}).ok());
    }
};

} // namespace cosell::test

QTEST_GUILESS_MAIN(cosell::test::TestSalesforceDeletions)
#include "tst_salesforcedeletions.moc"
