// SPDX-License-Identifier: MIT
#include "core/auth/pkce.h"

#include <QSet>
#include <QTest>

namespace cosell::test {

class TestPkce : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfc7636AppendixB()
    {
        QCOMPARE(Pkce::challengeFor("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
                 QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    }

    void generatedPairsAreValidAndFresh()
    {
        QSet<QByteArray> seen;
        for (int i = 0; i < 200; ++i) {
            const Pkce p = Pkce::generate();
            QVERIFY2(Pkce::isValidVerifier(p.verifier), p.verifier.constData());
            QCOMPARE(p.verifier.size(), 43);
            QCOMPARE(p.challenge, Pkce::challengeFor(p.verifier));
            QVERIFY(!p.challenge.contains('='));
            QVERIFY(!p.challenge.contains('+'));
            QVERIFY(!p.challenge.contains('/'));
            QVERIFY(!seen.contains(p.verifier));
            seen.insert(p.verifier);
        }
    }

    void verifierRules()
    {
        QVERIFY(!Pkce::isValidVerifier(QByteArray(42, 'a')));
        QVERIFY(Pkce::isValidVerifier(QByteArray(43, 'a')));
        QVERIFY(Pkce::isValidVerifier(QByteArray(128, '~')));
        QVERIFY(!Pkce::isValidVerifier(QByteArray(129, 'a')));
        QVERIFY(!Pkce::isValidVerifier(QByteArray(42, 'a') + '+'));
        QVERIFY(!Pkce::isValidVerifier(QByteArray(42, 'a') + '='));
    }

    void randomStateValuesDiffer()
    {
        QCOMPARE(randomBase64Url(16).size(), 22);
        QVERIFY(randomBase64Url(16) != randomBase64Url(16));
        QCOMPARE(randomBase64Url(5).size(), 7); // odd sizes fill every byte
    }
};

} // namespace cosell::test

QTEST_GUILESS_MAIN(cosell::test::TestPkce)
#include "tst_pkce.moc"
