// SPDX-License-Identifier: MIT
#include "core/model/referralvalidator.h"

#include "core/model/fieldpath.h"
#include "core/model/referralenums.h"
#include "core/model/referralstatusrules.h"
#include "core/model/wiretime.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QStringList>

namespace cosell {
namespace {

class Checker
{
public:
    explicit Checker(const QJsonObject &json)
        : m_json(json)
    { }

    QJsonValue at(const QString &path) const
    {
        const auto parsed = FieldPath::parse(path);
        return parsed ? parsed->read(m_json) : QJsonValue(QJsonValue::Undefined);
    }

    static bool absent(const QJsonValue &value) { return value.isUndefined() || value.isNull(); }

    template<typename E> void enumAt(const QString &path)
    {
        const QJsonValue value = at(path);
        if (absent(value))
            return;
        if (!value.isString()) {
            fail(path, QStringLiteral("must be a string"));
            return;
        }
        if (const auto parsed = parseEnum<E>(value.toString()); !parsed)
            fail(path, parsed.error().message);
    }

    // The same check for one property of every element of an array.
    template<typename E> void enumInArray(const QString &arrayPath, const QString &key)
    {
        const QJsonValue array = at(arrayPath);
        if (absent(array))
            return;
        if (!array.isArray()) {
            fail(arrayPath, QStringLiteral("must be an array"));
            return;
        }
        for (qsizetype i = 0; i < array.toArray().size(); ++i)
            enumAt<E>(QStringLiteral("%1[%2].%3").arg(arrayPath).arg(i).arg(key));
    }

    void pattern(const QString &path, const QRegularExpression &re, const QString &what)
    {
        const QJsonValue value = at(path);
        if (absent(value))
            return;
        if (!value.isString() || !re.match(value.toString()).hasMatch())
            fail(path, QStringLiteral("'%1' is not %2").arg(value.toVariant().toString(), what));
    }

    void timestamp(const QString &path)
    {
        const QJsonValue value = at(path);
        if (absent(value))
            return;
        if (!value.isString()) {
            fail(path, QStringLiteral("must be a timestamp string"));
            return;
        }
        if (const auto parsed = WireTime::parse(value.toString()); !parsed)
            fail(path, parsed.error().message);
    }

    void number(const QString &path)
    {
        const QJsonValue value = at(path);
        if (absent(value) || value.isDouble())
            return;
        bool ok = false;
        if (value.isString())
            value.toString().toDouble(&ok);
        if (!ok)
            fail(path, QStringLiteral("must be a number"));
    }

    void fail(const QString &path, const QString &why) { m_problems.append(path + u": " + why); }
    const QStringList &problems() const { return m_problems; }

private:
    const QJsonObject &m_json;
    QStringList m_problems;
};

} // namespace

Status ReferralValidator::validate(const QJsonObject &referral)
{
    Checker check(referral);
    check.enumAt<ReferralStatus>(QStringLiteral("status"));
    check.enumAt<ReferralSubstatus>(QStringLiteral("substatus"));
    check.enumAt<ReferralType>(QStringLiteral("type"));
    check.enumAt<ReferralQualification>(QStringLiteral("qualification"));
    check.enumAt<ReferralDirection>(QStringLiteral("direction"));
    check.enumAt<AssistanceRequestCode>(QStringLiteral("inviteContext.assistanceRequestCode"));
    check.enumInArray<TargetType>(QStringLiteral("target"), QStringLiteral("type"));
    check.enumInArray<CustomerIdType>(QStringLiteral("customerProfile.ids"),
                                      QStringLiteral("profileType"));
    check.enumInArray<SolutionTagType>(QStringLiteral("details.requirements.solutions"),
                                       QStringLiteral("type"));
    check.enumInArray<RegistrationType>(QStringLiteral("registrations"), QStringLiteral("type"));

    const QJsonArray registrations = check.at(QStringLiteral("registrations")).toArray();
    for (qsizetype i = 0; i < registrations.size(); ++i) {
        const QString base = QStringLiteral("registrations[%1]").arg(i);
        check.enumAt<ContractTerm>(base + u".contract.term");
        check.enumInArray<PricingModel>(base + u".solutionDetails", QStringLiteral("pricingModel"));
        check.enumInArray<DeploymentLocation>(base + u".solutionDetails",
                                              QStringLiteral("primaryDeploymentOn"));
    }

    // "" is observed for size in captured data: treat it as unset.
    if (check.at(QStringLiteral("customerProfile.size")) != QJsonValue(QString()))
        check.enumAt<CustomerSize>(QStringLiteral("customerProfile.size"));

    const QString status = check.at(QStringLiteral("status")).toString();
    const QString substatus = check.at(QStringLiteral("substatus")).toString();
    const auto s = enumFromString<ReferralStatus>(status);
    const auto ss = enumFromString<ReferralSubstatus>(substatus);
    if (s && ss) {
        if (Status combination = ReferralStatusRules::validateCombination(*s, *ss); !combination)
            check.fail(QStringLiteral("substatus"), combination.error().message);
    }

    static const QRegularExpression country(QStringLiteral("^[A-Z]{2}$"));
    static const QRegularExpression currency(QStringLiteral("^[A-Z]{3}$"));
    check.pattern(QStringLiteral("customerProfile.address.country"), country,
                  QStringLiteral("an ISO 3166-1 alpha-2 country code"));
    check.pattern(QStringLiteral("details.currency"), currency,
                  QStringLiteral("an ISO 4217 currency code"));
    check.number(QStringLiteral("details.dealValue"));
    for (const char *path : {"createdDateTime", "updatedDateTime", "expirationDateTime",
                             "acceptedDateTime", "closedDateTime", "details.closingDateTime"})
        check.timestamp(QString::fromLatin1(path));

    if (check.problems().isEmpty())
        return {};
    return Error {Error::Kind::Invalid,
                  QStringLiteral("invalidReferral"),
                  QStringLiteral("invalid referral: ")
                      + check.problems().join(QStringLiteral("; ")),
                  0,
                  {}};
}

} // namespace cosell
