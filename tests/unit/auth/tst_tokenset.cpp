// SPDX-License-Identifier: MIT
#include "core/auth/tokenset.h"

#include <QTest>

namespace cosell::test {

class TestTokenSet : public QObject
{
    Q_OBJECT

    const QDateTime m_now {QDate(2025, 6, 1), QTime(12, 0), Qt::UTC};

private Q_SLOTS:
    void entraV2Numbers()
    {
        const auto t = TokenSet::fromJson({{QStringLiteral("access_token"), QStringLiteral("AT")},
                                           {QStringLiteral("refresh_token"), QStringLiteral("RT")},
                                           {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                                           {QStringLiteral("expires_in"), 3599}},
                                          m_now, 60);
        QVERIFY(t.ok());
        QCOMPARE(t->accessToken, QStringLiteral("AT"));
        QCOMPARE(t->refreshToken, QStringLiteral("RT"));
        QCOMPARE(t->expiresAt, m_now.addSecs(3599));
        QVERIFY(t->isFresh(m_now, 120));
        QVERIFY(!t->isFresh(m_now.addSecs(3599 - 120), 120));
    }

    void entraV1Strings()
    {
        const auto t =
            TokenSet::fromJson({{QStringLiteral("access_token"), QStringLiteral("AT")},
                                {QStringLiteral("expires_in"), QStringLiteral("3600")},
                                {QStringLiteral("expires_on"), QStringLiteral("1546469802")}},
                               m_now, 60);
        QVERIFY(t.ok());
        QCOMPARE(t->expiresAt, m_now.addSecs(3600));
        const auto onlyOn =
            TokenSet::fromJson({{QStringLiteral("access_token"), QStringLiteral("AT")},
                                {QStringLiteral("expires_on"), QStringLiteral("1748779200")}},
                               m_now, 60);
        QCOMPARE(onlyOn->expiresAt, QDateTime::fromSecsSinceEpoch(1748779200, Qt::UTC));
    }

    void salesforceHasNoLifetime()
    {
        const auto t = TokenSet::fromJson(
            {{QStringLiteral("access_token"), QStringLiteral("00D!AQ")},
             {QStringLiteral("instance_url"), QStringLiteral("https://contoso.my.salesforce.com")},
             {QStringLiteral("issued_at"), QStringLiteral("1750000000000")}},
            m_now, 7200);
        QVERIFY(t.ok());
        QCOMPARE(t->expiresAt, m_now.addSecs(7200));
        QCOMPARE(t->instanceUrl, QUrl(QStringLiteral("https://contoso.my.salesforce.com")));
    }

    void missingAccessTokenIsAnError()
    {
        const auto t = TokenSet::fromJson(
            {{QStringLiteral("token_type"), QStringLiteral("Bearer")}}, m_now, 60);
        QVERIFY(!t.ok());
        QCOMPARE(toString(t.error().kind), QStringLiteral("invalid"));
    }
};

} // namespace cosell::test

QTEST_GUILESS_MAIN(cosell::test::TestTokenSet)
#include "tst_tokenset.moc"
