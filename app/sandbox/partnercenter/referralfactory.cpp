// SPDX-License-Identifier: MIT
#include "app/sandbox/partnercenter/referralfactory.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QUuid>

namespace cosell::sandbox {

namespace {

QJsonObject member(const SeedPerson &person)
{
    return QJsonObject {
        {QStringLiteral("firstName"), person.firstName},
        {QStringLiteral("lastName"), person.lastName},
        {QStringLiteral("phoneNumber"), person.phone},
        {QStringLiteral("email"), person.email},
        {QStringLiteral("title"), person.title},
        {QStringLiteral("contactPreference"),
         QJsonObject {{QStringLiteral("locale"),
                       person.chinese ? QStringLiteral("zh-tw") : QStringLiteral("en-us")},
                      {QStringLiteral("disableNotifications"), false}}}};
}

QString etagFrom(quint64 a, quint64 b)
{
    return QStringLiteral("\"%1-0000-0100-0000-%2\"")
        .arg(a & 0xffffffffULL, 8, 16, QLatin1Char('0'))
        .arg(b & 0xffffffffffffULL, 12, 16, QLatin1Char('0'));
}

} // namespace

QString ReferralFactory::formatTime(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz"))
        + QStringLiteral("0000Z");
}

QString ReferralFactory::newETag()
{
    return etagFrom(QRandomGenerator::global()->generate64(),
                    QRandomGenerator::global()->generate64());
}

QString ReferralFactory::newGuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject ReferralFactory::links(const QString &id, const QString &engagementId,
                                   const QString &referralsBase)
{
    return QJsonObject {
        {QStringLiteral("relatedReferrals"),
         QJsonObject {{QStringLiteral("uri"),
                       QString(referralsBase + QStringLiteral("?$filter=engagementId eq '")
                               + engagementId + u'\'')},
                      {QStringLiteral("method"), QStringLiteral("GET")}}},
        {QStringLiteral("self"),
         QJsonObject {{QStringLiteral("uri"), QString(referralsBase + u'/' + id)},
                      {QStringLiteral("method"), QStringLiteral("GET")}}}};
}

void ReferralFactory::fillDefaults(QJsonObject *r)
{
    static const char *nullable[] = {"name",
                                     "externalReferenceId",
                                     "expirationDateTime",
                                     "acceptedDateTime",
                                     "closedDateTime",
                                     "statusReason",
                                     "salesStage",
                                     "referralSource",
                                     "callToAction",
                                     "campaignId",
                                     "referralProgram",
                                     "createdVia",
                                     "lastModifiedVia",
                                     "lastRunId",
                                     "inviteContext",
                                     "trackingInfo",
                                     "customerMarketplaceIntent"};
    for (const char *key : nullable) {
        if (!r->contains(QLatin1String(key)))
            r->insert(QLatin1String(key), QJsonValue::Null);
    }
    const auto setDefault = [r](const char *key, const QJsonValue &value) {
        if (!r->contains(QLatin1String(key)) || r->value(QLatin1String(key)).isNull())
            r->insert(QLatin1String(key), value);
    };
    setDefault("status", QStringLiteral("New"));
    setDefault("substatus", QStringLiteral("Pending"));
    setDefault("qualification", QStringLiteral("None"));
    setDefault("favorite", false);
    setDefault("quality", QStringLiteral("Unknown"));
    setDefault("isSpam", false);
    setDefault("dealSensitivity", QStringLiteral("None"));
    setDefault("tags", QJsonArray());
    setDefault("registrationStatus", QStringLiteral("None"));
    setDefault("registrations", QJsonArray());
    setDefault("target", QJsonArray());
    setDefault("team", QJsonArray());
    if (r->value(QStringLiteral("trackingInfo")).isNull()) {
        r->insert(QStringLiteral("trackingInfo"),
                  QJsonObject {{QStringLiteral("microsoftMsxId"), QJsonValue::Null},
                               {QStringLiteral("microsoftUSFedOpportunityId"), QJsonValue::Null},
                               {QStringLiteral("microsoftUSFedLeadId"), QJsonValue::Null},
                               {QStringLiteral("migratedPSCDealId"), QJsonValue::Null},
                               {QStringLiteral("migratedPSCPartnerDealId"), QJsonValue::Null}});
    }
}

QJsonObject ReferralFactory::completeCreate(QJsonObject r, const QDateTime &now, const QString &id,
                                            const QString &referralsBase, bool becomesActive)
{
    const QString stamp = formatTime(now);
    r.insert(QStringLiteral("id"), id);
    if (r.value(QStringLiteral("engagementId")).toString().isEmpty())
        r.insert(QStringLiteral("engagementId"), newGuid());
    r.insert(QStringLiteral("organizationId"), QLatin1String(kOrganizationId));
    r.insert(QStringLiteral("organizationName"), QLatin1String(kOrganizationName));
    r.insert(QStringLiteral("mpnId"), QLatin1String(kMpnId));
    r.insert(QStringLiteral("createdDateTime"), stamp);
    r.insert(QStringLiteral("updatedDateTime"), stamp);
    r.insert(QStringLiteral("direction"), QStringLiteral("Outgoing"));
    r.insert(QStringLiteral("expirationDateTime"), QJsonValue::Null);
    r.insert(QStringLiteral("closedDateTime"), QJsonValue::Null);
    if (becomesActive) {
        r.insert(QStringLiteral("status"), QStringLiteral("Active"));
        r.insert(QStringLiteral("substatus"), QStringLiteral("Accepted"));
        r.insert(QStringLiteral("acceptedDateTime"), stamp);
    } else {
        r.insert(QStringLiteral("acceptedDateTime"), QJsonValue::Null);
    }
    r.remove(QStringLiteral("trackingInfo"));
    fillDefaults(&r);
    r.insert(QStringLiteral("links"),
             links(id, r.value(QStringLiteral("engagementId")).toString(), referralsBase));
    r.insert(QStringLiteral("eTag"), newETag());
    return r;
}

QJsonObject ReferralFactory::fromDeal(const SeedDeal &deal, quint64 seed,
                                      const QString &referralsBase)
{
    static const char *stages[] = {"Qualify", "Develop", "Propose", "Close"};
    QString status = QStringLiteral("Active"), substatus = QStringLiteral("Accepted");
    if (deal.statusIndex == 0) {
        status = QStringLiteral("New");
        substatus = deal.incoming ? QStringLiteral("Received") : QStringLiteral("Pending");
    } else if (deal.statusIndex >= 2) {
        status = QStringLiteral("Closed");
        substatus = deal.statusIndex == 2 ? QStringLiteral("Won") : QStringLiteral("Lost");
    }
    const QDateTime created(deal.createdDate, QTime(9, 0).addSecs(deal.index % 36000), Qt::UTC);
    const QDateTime updated = created.addSecs(3600 + (deal.index % 97) * 600);
    const bool help = deal.helpCode != u"Unknown";
    const QJsonValue stamp =
        status == u"Closed" ? QJsonValue(formatTime(updated)) : QJsonValue(QJsonValue::Null);
    QJsonObject r {
        {QStringLiteral("id"), deal.referralId},
        {QStringLiteral("engagementId"), deal.engagementId},
        {QStringLiteral("name"), deal.dealName},
        {QStringLiteral("organizationId"), QLatin1String(kOrganizationId)},
        {QStringLiteral("organizationName"), QLatin1String(kOrganizationName)},
        {QStringLiteral("mpnId"), QLatin1String(kMpnId)},
        {QStringLiteral("externalReferenceId"), QJsonValue::Null},
        {QStringLiteral("createdDateTime"), formatTime(created)},
        {QStringLiteral("updatedDateTime"), formatTime(updated)},
        {QStringLiteral("expirationDateTime"),
         deal.incoming && status == u"New" ? QJsonValue(formatTime(created.addDays(14)))
                                           : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("acceptedDateTime"),
         status == u"New" ? QJsonValue(QJsonValue::Null)
                          : QJsonValue(formatTime(created.addSecs(1800)))},
        {QStringLiteral("closedDateTime"), stamp},
        {QStringLiteral("status"), status},
        {QStringLiteral("substatus"), substatus},
        {QStringLiteral("type"),
         deal.incoming ? QStringLiteral("Shared") : QStringLiteral("Independent")},
        {QStringLiteral("qualification"),
         deal.incoming ? QStringLiteral("SalesQualified") : QStringLiteral("None")},
        {QStringLiteral("direction"),
         deal.incoming ? QStringLiteral("Incoming") : QStringLiteral("Outgoing")},
        {QStringLiteral("salesStage"), QLatin1String(stages[deal.salesStageIndex])},
        {QStringLiteral("target"),
         QJsonArray {QJsonObject {{QStringLiteral("type"), QStringLiteral("SolutionProfile")},
                                  {QStringLiteral("id"), deal.solution.id}}}},
        {QStringLiteral("customerProfile"),
         QJsonObject {{QStringLiteral("name"), deal.company},
                      {QStringLiteral("size"), deal.size},
                      {QStringLiteral("isMatchingComplete"), true},
                      {QStringLiteral("address"),
                       QJsonObject {{QStringLiteral("addressLine1"), deal.addressLine1},
                                    {QStringLiteral("addressLine2"), QJsonValue::Null},
                                    {QStringLiteral("city"), deal.city},
                                    {QStringLiteral("state"),
                                     deal.state.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                          : QJsonValue(deal.state)},
                                    {QStringLiteral("postalCode"), deal.postalCode},
                                    {QStringLiteral("country"), deal.country},
                                    {QStringLiteral("region"), QJsonValue::Null}}},
                      {QStringLiteral("team"), QJsonArray {member(deal.contact)}},
                      {QStringLiteral("ids"), QJsonArray()}}},
        {QStringLiteral("consent"),
         QJsonObject {{QStringLiteral("consentToToShareInfoWithOthers"), true},
                      {QStringLiteral("consentToContact"), true},
                      {QStringLiteral("consentToShareReferralWithMicrosoftSellers"),
                       deal.incoming || help}}},
        {QStringLiteral("details"),
         QJsonObject {
             {QStringLiteral("notes"), deal.notes},
             {QStringLiteral("dealValue"), deal.amount},
             {QStringLiteral("currency"), deal.currency},
             {QStringLiteral("closingDateTime"),
              formatTime(QDateTime(deal.closeDate, QTime(0, 0), Qt::UTC))
                  .replace(QStringLiteral(".0000000Z"), QStringLiteral("Z"))},
             {QStringLiteral("customerRequestedContact"), QJsonValue::Null},
             {QStringLiteral("customerAction"), QJsonValue::Null},
             {QStringLiteral("incentiveLevel"), QJsonValue::Null},
             {QStringLiteral("requirements"),
              QJsonObject {
                  {QStringLiteral("industries"),
                   QJsonArray {QJsonObject {{QStringLiteral("id"), deal.industry}}}},
                  {QStringLiteral("products"), QJsonArray()},
                  {QStringLiteral("services"), QJsonArray()},
                  {QStringLiteral("offers"), QJsonArray()},
                  {QStringLiteral("salesPlays"), QJsonArray()},
                  {QStringLiteral("solutions"),
                   QJsonArray {
                       QJsonObject {{QStringLiteral("id"), deal.solution.id},
                                    {QStringLiteral("name"), deal.solution.name},
                                    {QStringLiteral("type"), QStringLiteral("Name")},
                                    {QStringLiteral("publisherName"), deal.solution.publisher},
                                    {QStringLiteral("solutionType"), QStringLiteral("3P")},
                                    {QStringLiteral("price"), QJsonValue::Null},
                                    {QStringLiteral("quantity"), QJsonValue::Null},
                                    {QStringLiteral("currency"), QJsonValue::Null},
                                    {QStringLiteral("closingDateTime"), QJsonValue::Null}}}},
                  {QStringLiteral("additionalRequirements"),
                   QJsonObject {{QStringLiteral("iot"), QJsonValue::Null},
                                {QStringLiteral("attributes"),
                                 QJsonArray {QJsonObject {
                                     {QStringLiteral("id"), QStringLiteral("HaveNotDecided")},
                                     {QStringLiteral("type"),
                                      QStringLiteral("CustomerMarketplaceIntent")}}}}}}}}}},
        {QStringLiteral("team"), QJsonArray {member(deal.seller)}},
        {QStringLiteral("inviteContext"),
         QJsonObject {
             {QStringLiteral("notes"),
              help ? QJsonValue(QString(QStringLiteral("Please help with ") + deal.solution.name))
                   : QJsonValue(QJsonValue::Null)},
             {QStringLiteral("assistanceRequestCode"), deal.helpCode},
             {QStringLiteral("invitedMpnId"), QLatin1String(kMpnId)},
             {QStringLiteral("invitedBy"),
              deal.incoming
                  ? QJsonObject {{QStringLiteral("organizationId"), QStringLiteral("msft")},
                                 {QStringLiteral("organizationName"), QStringLiteral("Microsoft")}}
                  : QJsonObject {{QStringLiteral("organizationId"), QLatin1String(kOrganizationId)},
                                 {QStringLiteral("organizationName"),
                                  QLatin1String(kOrganizationName)}}}}},
    };
    fillDefaults(&r);
    if (deal.incoming && status != u"New")
        r.insert(
            QStringLiteral("trackingInfo"),
            QJsonObject {{QStringLiteral("microsoftMsxId"),
                          QStringLiteral("7-%1").arg(deal.index + 100000, 9, 10, QLatin1Char('0'))},
                         {QStringLiteral("microsoftUSFedOpportunityId"), QJsonValue::Null},
                         {QStringLiteral("microsoftUSFedLeadId"), QJsonValue::Null},
                         {QStringLiteral("migratedPSCDealId"), QJsonValue::Null},
                         {QStringLiteral("migratedPSCPartnerDealId"), QJsonValue::Null}});
    r.insert(QStringLiteral("links"), links(deal.referralId, deal.engagementId, referralsBase));
    DataGenerator g = DataGenerator::forRecord(seed ^ 0xE7A6ULL, deal.index);
    r.insert(QStringLiteral("eTag"), etagFrom(g.next(), g.next()));
    return r;
}

} // namespace cosell::sandbox
