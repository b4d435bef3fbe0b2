// SPDX-License-Identifier: MIT
#include "ui/records/fieldlabels.h"

#include "core/mapping/fieldmapping.h"

#include <QHash>
#include <QStringList>

namespace cosell {
namespace {

// The English labels the built-in mappings (resources/mappings/*.json) give each id: a
// field still carrying one of them has not been renamed by the admin.
const QHash<QString, QStringList> &builtInLabels()
{
    static const QHash<QString, QStringList> labels = {
        {QStringLiteral("referralId"), {QStringLiteral("Referral Identifier")}},
        {QStringLiteral("referralLink"), {QStringLiteral("Referral Link")}},
        {QStringLiteral("externalReferenceId"), {QStringLiteral("CRM record id")}},
        {QStringLiteral("syncWithPartnerCenter"), {QStringLiteral("Sync with Partner Center")}},
        {QStringLiteral("referralType"), {QStringLiteral("Referral type")}},
        {QStringLiteral("name"), {QStringLiteral("Name")}},
        {QStringLiteral("dealValue"), {QStringLiteral("Deal value")}},
        {QStringLiteral("currency"),
         {QStringLiteral("Currency code"),
          QStringLiteral("Currency code (transactioncurrency.isocurrencycode)")}},
        {QStringLiteral("closingDate"), {QStringLiteral("Closing date")}},
        {QStringLiteral("notes"), {QStringLiteral("Notes / Description")}},
        {QStringLiteral("status"),
         {QStringLiteral("Status and substatus ↔ Stage"),
          QStringLiteral("Status and substatus ↔ statecode/statuscode")}},
        {QStringLiteral("assistance"), {QStringLiteral("How can Microsoft help?")}},
        {QStringLiteral("visibility"),
         {QStringLiteral("Microsoft Partner Center Referral Visibility")}},
        {QStringLiteral("microsoftCrmId"), {QStringLiteral("Microsoft CRM Identifier")}},
        {QStringLiteral("solutions"), {QStringLiteral("Products (obsolete solution id list)")}},
        {QStringLiteral("customerName"), {QStringLiteral("Customer account")}},
        {QStringLiteral("customerCountry"),
         {QStringLiteral("Customer country (ISO 3166-1 alpha-2)")}},
        {QStringLiteral("customerPostalCode"), {QStringLiteral("Customer postal code")}},
        {QStringLiteral("customerCity"), {QStringLiteral("Customer city")}},
        {QStringLiteral("customerState"), {QStringLiteral("Customer state")}},
        {QStringLiteral("customerStreet"), {QStringLiteral("Customer street")}},
        {QStringLiteral("contactFirstName"), {QStringLiteral("Customer contact first name")}},
        {QStringLiteral("contactLastName"), {QStringLiteral("Customer contact last name")}},
        {QStringLiteral("contactEmail"), {QStringLiteral("Customer contact email")}},
        {QStringLiteral("contactPhone"), {QStringLiteral("Customer contact phone")}},
    };
    return labels;
}

} // namespace

QString FieldLabels::forId(const QString &id)
{
    // One tr() per id so lupdate sees every source text.
    static const QHash<QString, const char *> sources = {
        {QStringLiteral("referralId"), QT_TR_NOOP("Referral Identifier")},
        {QStringLiteral("referralLink"), QT_TR_NOOP("Referral Link")},
        {QStringLiteral("externalReferenceId"), QT_TR_NOOP("CRM record id")},
        {QStringLiteral("syncWithPartnerCenter"), QT_TR_NOOP("Sync with Partner Center")},
        {QStringLiteral("referralType"), QT_TR_NOOP("Referral type")},
        {QStringLiteral("name"), QT_TR_NOOP("Deal name")},
        {QStringLiteral("dealValue"), QT_TR_NOOP("Deal value")},
        {QStringLiteral("currency"), QT_TR_NOOP("Currency code")},
        {QStringLiteral("closingDate"), QT_TR_NOOP("Closing date")},
        {QStringLiteral("notes"), QT_TR_NOOP("Notes / Description")},
        {QStringLiteral("status"), QT_TR_NOOP("Status and substatus ↔ CRM stage")},
        {QStringLiteral("assistance"), QT_TR_NOOP("How can Microsoft help?")},
        {QStringLiteral("visibility"), QT_TR_NOOP("Referral visibility")},
        {QStringLiteral("microsoftCrmId"), QT_TR_NOOP("Microsoft CRM Identifier")},
        {QStringLiteral("solutions"), QT_TR_NOOP("Products (obsolete solution id list)")},
        {QStringLiteral("customerName"), QT_TR_NOOP("Customer account")},
        {QStringLiteral("customerCountry"), QT_TR_NOOP("Customer country (ISO 3166-1 alpha-2)")},
        {QStringLiteral("customerPostalCode"), QT_TR_NOOP("Customer postal code")},
        {QStringLiteral("customerCity"), QT_TR_NOOP("Customer city")},
        {QStringLiteral("customerState"), QT_TR_NOOP("Customer state")},
        {QStringLiteral("customerStreet"), QT_TR_NOOP("Customer street")},
        {QStringLiteral("contactFirstName"), QT_TR_NOOP("Customer contact first name")},
        {QStringLiteral("contactLastName"), QT_TR_NOOP("Customer contact last name")},
        {QStringLiteral("contactEmail"), QT_TR_NOOP("Customer contact email")},
        {QStringLiteral("contactPhone"), QT_TR_NOOP("Customer contact phone")},
    };
    const auto it = sources.constFind(id);
    return it == sources.constEnd() ? QString() : tr(it.value());
}

QString FieldLabels::display(const FieldMapping &field)
{
    const QString translated = forId(field.id);
    if (!translated.isEmpty()
        && (field.label.isEmpty() || builtInLabels().value(field.id).contains(field.label)))
        return translated;
    return field.label.isEmpty() ? field.id : field.label;
}

} // namespace cosell
