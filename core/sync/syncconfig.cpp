// SPDX-License-Identifier: MIT
#include "core/sync/syncconfig.h"

#include <QSettings>

namespace cosell {

namespace {

template<typename T> void read(QSettings &s, const char *key, T &value)
{
    const QString k = QString::fromLatin1(key);
    if (s.contains(k))
        value = s.value(k).value<T>();
}

void readList(QSettings &s, const char *key, QStringList &value)
{
    const QString k = QString::fromLatin1(key);
    if (!s.contains(k))
        return;
    // An ini file gives "a, b" as a list and "a" as a string; accept both.
    const QVariant v = s.value(k);
    value = v.typeId() == QMetaType::QStringList ? v.toStringList()
                                                 : v.toString().split(u',', Qt::KeepEmptyParts);
    for (QString &item : value)
        item = item.trimmed();
    if (value == QStringList {QString()})
        value.clear();
}

} // namespace

SyncConfig SyncConfig::fromSettings(QSettings &s)
{
    SyncConfig c;
    s.beginGroup(QStringLiteral("sync"));
    read(s, "createInPartnerCenter", c.createInPartnerCenter);
    read(s, "requireSyncFlag", c.requireSyncFlag);
    read(s, "respectOnHoldStage", c.respectOnHoldStage);
    read(s, "onHoldStage", c.onHoldStage);
    read(s, "requireSolution", c.requireSolution);
    read(s, "solutionsField", c.solutionsField);
    read(s, "requireTwoLetterCountry", c.requireTwoLetterCountry);
    read(s, "countryField", c.countryField);
    read(s, "requireContactWhenHelp", c.requireContactWhenHelp);
    read(s, "helpField", c.helpField);
    read(s, "contactField", c.contactField);
    readList(s, "noHelpValues", c.noHelpValues);
    read(s, "createInCrm", c.createInCrm);
    readList(s, "crmCreateReferralTypes", c.crmCreateReferralTypes);
    read(s, "skipClosedReferralsOnCreate", c.skipClosedReferralsOnCreate);
    read(s, "ignoreReferralsWithUnknownCrmId", c.ignoreReferralsWithUnknownCrmId);
    read(s, "closedDealsReadOnly", c.closedDealsReadOnly);
    read(s, "statusField", c.statusField);
    read(s, "sweepIntervalSeconds", c.sweepIntervalSeconds);
    read(s, "crmPollIntervalMs", c.crmPollIntervalMs);
    read(s, "maxAttempts", c.maxAttempts);
    read(s, "backoffBaseMs", c.backoffBaseMs);
    read(s, "backoffMaxMs", c.backoffMaxMs);
    read(s, "batchSize", c.batchSize);
    read(s, "nameMark", c.nameMark);
    s.endGroup();
    return c;
}

void SyncConfig::save(QSettings &s) const
{
    s.beginGroup(QStringLiteral("sync"));
    s.setValue(QStringLiteral("createInPartnerCenter"), createInPartnerCenter);
    s.setValue(QStringLiteral("requireSyncFlag"), requireSyncFlag);
    s.setValue(QStringLiteral("respectOnHoldStage"), respectOnHoldStage);
    s.setValue(QStringLiteral("onHoldStage"), onHoldStage);
    s.setValue(QStringLiteral("requireSolution"), requireSolution);
    s.setValue(QStringLiteral("solutionsField"), solutionsField);
    s.setValue(QStringLiteral("requireTwoLetterCountry"), requireTwoLetterCountry);
    s.setValue(QStringLiteral("countryField"), countryField);
    s.setValue(QStringLiteral("requireContactWhenHelp"), requireContactWhenHelp);
    s.setValue(QStringLiteral("helpField"), helpField);
    s.setValue(QStringLiteral("contactField"), contactField);
    s.setValue(QStringLiteral("noHelpValues"), noHelpValues);
    s.setValue(QStringLiteral("createInCrm"), createInCrm);
    s.setValue(QStringLiteral("crmCreateReferralTypes"), crmCreateReferralTypes);
    s.setValue(QStringLiteral("skipClosedReferralsOnCreate"), skipClosedReferralsOnCreate);
    s.setValue(QStringLiteral("ignoreReferralsWithUnknownCrmId"), ignoreReferralsWithUnknownCrmId);
    s.setValue(QStringLiteral("closedDealsReadOnly"), closedDealsReadOnly);
    s.setValue(QStringLiteral("statusField"), statusField);
    s.setValue(QStringLiteral("sweepIntervalSeconds"), sweepIntervalSeconds);
    s.setValue(QStringLiteral("crmPollIntervalMs"), crmPollIntervalMs);
    s.setValue(QStringLiteral("maxAttempts"), maxAttempts);
    s.setValue(QStringLiteral("backoffBaseMs"), backoffBaseMs);
    s.setValue(QStringLiteral("backoffMaxMs"), backoffMaxMs);
    s.setValue(QStringLiteral("batchSize"), batchSize);
    s.setValue(QStringLiteral("nameMark"), nameMark);
    s.endGroup();
}

} // namespace cosell
