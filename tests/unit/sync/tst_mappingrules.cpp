// SPDX-License-Identifier: MIT
#include "core/mapping/mappingspec.h"
#include "core/sync/mappingrules.h"
#include "core/sync/syncconfig.h"

#include <QSet>
#include <QTest>

using namespace cosell;

class TestMappingRules final : public QObject
{
    Q_OBJECT

private slots:
    void builtInSpecs_data();
    void builtInSpecs();
};

void TestMappingRules::builtInSpecs_data()
{
    QTest::addColumn<int>("system");
    QTest::newRow("dynamics") << int(CrmSystem::Dynamics);
    QTest::newRow("salesforce") << int(CrmSystem::Salesforce);
}

void TestMappingRules::builtInSpecs()
{
    QFETCH(int, system);
    const Result<MappingSpec> spec = MappingSpec::builtIn(CrmSystem(system));
    QVERIFY2(spec.ok(), spec.ok() ? "" : qPrintable(spec.error().toString()));
    const QList<FieldRule> rules = MappingRules::fromSpec(*spec);
    QCOMPARE(rules.size(), spec->fields().size());
    QSet<QString> ids;
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const FieldMapping &f = spec->fields().at(i);
        const FieldRule &r = rules.at(i);
        QCOMPARE(r.field, f.id);
        QCOMPARE(toString(r.createDirection), toString(f.createDirection));
        QCOMPARE(toString(r.updateDirection), toString(f.updateDirection));
        QCOMPARE(toString(r.policy), toString(f.policy));
        ids.insert(r.field);
    }
    // The fields the documented rules look at exist in the default mappings.
    const SyncConfig config;
    for (const QString &field :
         {config.solutionsField, config.countryField, config.helpField, config.contactField})
        QVERIFY2(ids.contains(field), qPrintable(field));
    // spec/field-mapping.md §6: nothing outside the update sets flows on update.
    const QSet<QString> toCrmOnUpdate {QStringLiteral("currency"), QStringLiteral("dealValue"),
                                       QStringLiteral("closingDate"), QStringLiteral("notes"),
                                       QStringLiteral("status")};
    // Plus §2: "How can Microsoft help?" may be set later (converting to co-sell) and
    // visibility may be switched on later.
    const QSet<QString> toPcOnUpdate {QStringLiteral("currency"),  QStringLiteral("name"),
                                      QStringLiteral("dealValue"), QStringLiteral("notes"),
                                      QStringLiteral("status"),    QStringLiteral("assistance"),
                                      QStringLiteral("visibility")};
    // Identity write-backs (Referral Identifier / Link, Microsoft's CRM id) are kept
    // current on update too; they are not seller data.
    const QSet<QString> identity {QStringLiteral("referralId"), QStringLiteral("referralLink"),
                                  QStringLiteral("externalReferenceId"),
                                  QStringLiteral("microsoftCrmId")};
    QStringList outside;
    for (const FieldRule &r : rules) {
        if (identity.contains(r.field))
            continue;
        if (FieldRule::flowsToCrm(r.updateDirection) && !toCrmOnUpdate.contains(r.field))
            outside << r.field + QStringLiteral(" (to CRM)");
        if (FieldRule::flowsToPartnerCenter(r.updateDirection) && !toPcOnUpdate.contains(r.field))
            outside << r.field + QStringLiteral(" (to Partner Center)");
    }
    QVERIFY2(outside.isEmpty(), qPrintable(outside.join(QStringLiteral(", "))));
}

QTEST_GUILESS_MAIN(TestMappingRules)
#include "tst_mappingrules.moc"
