// SPDX-License-Identifier: MIT
#include "app/sandbox/server/datagenerator.h"

#include <cmath>

namespace cosell::sandbox {

namespace {

const QStringList &firstNames()
{
    static const QStringList list {
        QStringLiteral("Ana"),    QStringLiteral("Ben"),   QStringLiteral("Carla"),
        QStringLiteral("David"),  QStringLiteral("Emma"),  QStringLiteral("Farid"),
        QStringLiteral("Grace"),  QStringLiteral("Hiro"),  QStringLiteral("Ines"),
        QStringLiteral("Jonas"),  QStringLiteral("Kara"),  QStringLiteral("Liam"),
        QStringLiteral("Maya"),   QStringLiteral("Noah"),  QStringLiteral("Olivia"),
        QStringLiteral("Pablo"),  QStringLiteral("Quinn"), QStringLiteral("Rosa"),
        QStringLiteral("Sven"),   QStringLiteral("Tara"),  QStringLiteral("Uma"),
        QStringLiteral("Victor"), QStringLiteral("Wen"),   QStringLiteral("Yusuf")};
    return list;
}

const QStringList &lastNames()
{
    static const QStringList list {
        QStringLiteral("Lee"),    QStringLiteral("Smith"),  QStringLiteral("Garcia"),
        QStringLiteral("Müller"), QStringLiteral("Novak"),  QStringLiteral("Okafor"),
        QStringLiteral("Patel"),  QStringLiteral("Rossi"),  QStringLiteral("Silva"),
        QStringLiteral("Tanaka"), QStringLiteral("Jensen"), QStringLiteral("Kowalski"),
        QStringLiteral("Dubois"), QStringLiteral("Haddad"), QStringLiteral("Ivanova"),
        QStringLiteral("Brown")};
    return list;
}

// (family name, given name, romanised family, romanised given)
struct ChineseName
{
    QString family, given, familyLatin, givenLatin;
};
const QList<ChineseName> &chineseNames()
{
    static const QList<ChineseName> list {{QStringLiteral(u"王"), QStringLiteral(u"小明"),
                                           QStringLiteral("wang"), QStringLiteral("xiaoming")},
                                          {QStringLiteral(u"李"), QStringLiteral(u"美玲"),
                                           QStringLiteral("li"), QStringLiteral("meiling")},
                                          {QStringLiteral(u"陳"), QStringLiteral(u"志豪"),
                                           QStringLiteral("chen"), QStringLiteral("zhihao")},
                                          {QStringLiteral(u"林"), QStringLiteral(u"怡君"),
                                           QStringLiteral("lin"), QStringLiteral("yijun")},
                                          {QStringLiteral(u"張"), QStringLiteral(u"家豪"),
                                           QStringLiteral("zhang"), QStringLiteral("jiahao")},
                                          {QStringLiteral(u"黃"), QStringLiteral(u"淑芬"),
                                           QStringLiteral("huang"), QStringLiteral("shufen")},
                                          {QStringLiteral(u"劉"), QStringLiteral(u"建國"),
                                           QStringLiteral("liu"), QStringLiteral("jianguo")},
                                          {QStringLiteral(u"吳"), QStringLiteral(u"佳穎"),
                                           QStringLiteral("wu"), QStringLiteral("jiaying")}};
    return list;
}

const QStringList &companyStems()
{
    static const QStringList list {QStringLiteral("Contoso"),
                                   QStringLiteral("Fabrikam"),
                                   QStringLiteral("Northwind"),
                                   QStringLiteral("Adventure Works"),
                                   QStringLiteral("Tailspin"),
                                   QStringLiteral("Woodgrove"),
                                   QStringLiteral("Litware"),
                                   QStringLiteral("Proseware"),
                                   QStringLiteral("Lamna"),
                                   QStringLiteral("Wingtip"),
                                   QStringLiteral("Alpine Ski House"),
                                   QStringLiteral("Coho"),
                                   QStringLiteral("Trey Research"),
                                   QStringLiteral("Relecloud"),
                                   QStringLiteral("Margie's Travel"),
                                   QStringLiteral("Humongous Insurance"),
                                   QStringLiteral("Blue Yonder"),
                                   QStringLiteral("VanArsdel")};
    return list;
}

const QStringList &companySuffixes()
{
    static const QStringList list {QStringLiteral("Ltd"),      QStringLiteral("Inc."),
                                   QStringLiteral("GmbH"),     QStringLiteral("Group"),
                                   QStringLiteral("Holdings"), QStringLiteral("AG"),
                                   QStringLiteral("Labs"),     QStringLiteral("Partners")};
    return list;
}

const QStringList &chineseCompanies()
{
    static const QStringList list {
        QStringLiteral(u"台灣雲端科技股份有限公司"), QStringLiteral(u"長青資訊有限公司"),
        QStringLiteral(u"新竹智慧製造股份有限公司"), QStringLiteral(u"上海數據服務有限公司"),
        QStringLiteral(u"高雄港物流股份有限公司")};
    return list;
}

struct Place
{
    QString country, city, state, postal;
};
const QList<Place> &places()
{
    static const QList<Place> list {
        {QStringLiteral("US"), QStringLiteral("Redmond"), QStringLiteral("WA"),
         QStringLiteral("98052")},
        {QStringLiteral("US"), QStringLiteral("Austin"), QStringLiteral("TX"),
         QStringLiteral("73301")},
        {QStringLiteral("DE"), QStringLiteral("München"), QString(), QStringLiteral("80331")},
        {QStringLiteral("GB"), QStringLiteral("London"), QString(), QStringLiteral("EC1A 1BB")},
        {QStringLiteral("FR"), QStringLiteral("Lyon"), QString(), QStringLiteral("69001")},
        {QStringLiteral("JP"), QStringLiteral("Osaka"), QString(), QStringLiteral("530-0001")},
        {QStringLiteral("TW"), QStringLiteral(u"台北市"), QString(), QStringLiteral("110")},
        {QStringLiteral("CN"), QStringLiteral(u"上海"), QString(), QStringLiteral("200000")},
        {QStringLiteral("BR"), QStringLiteral("São Paulo"), QStringLiteral("SP"),
         QStringLiteral("01000-000")},
        {QStringLiteral("AU"), QStringLiteral("Sydney"), QStringLiteral("NSW"),
         QStringLiteral("2000")},
        {QStringLiteral("CA"), QStringLiteral("Toronto"), QStringLiteral("ON"),
         QStringLiteral("M5H 2N2")},
        {QStringLiteral("IN"), QStringLiteral("Bengaluru"), QStringLiteral("KA"),
         QStringLiteral("560001")}};
    return list;
}

const QList<SeedSolution> &solutions()
{
    static const QList<SeedSolution> list {
        {QStringLiteral("SOL-15974-MQF"), QStringLiteral("Fabrikam Migrate"),
         QStringLiteral("Fabrikam")},
        {QStringLiteral("SOL-20311-KXA"), QStringLiteral("Contoso Landing Zone"),
         QStringLiteral("Contoso")},
        {QStringLiteral("SOL-31877-PRB"), QStringLiteral("Northwind Data Estate"),
         QStringLiteral("Northwind")},
        {QStringLiteral("SOL-40452-ZTE"), QStringLiteral("Secure Modern Workplace"),
         QStringLiteral("Litware")},
        {QStringLiteral("SOL-51239-DVN"), QStringLiteral("AI Copilot Accelerator"),
         QStringLiteral("Relecloud")},
        {QStringLiteral("SOL-62004-HGQ"), QStringLiteral("SAP on Azure Quickstart"),
         QStringLiteral("Woodgrove")}};
    return list;
}

const QStringList &sizes()
{
    static const QStringList list {
        QStringLiteral("1to50employees"), QStringLiteral("51to500employees"),
        QStringLiteral("Morethan500employees"), QStringLiteral("251to1000employees"),
        QStringLiteral("1001to5000employees")};
    return list;
}

const QStringList &industries()
{
    static const QStringList list {
        QStringLiteral("Manufacturing"), QStringLiteral("Financial Services"),
        QStringLiteral("Healthcare"),    QStringLiteral("Retail & Consumer Goods"),
        QStringLiteral("Government"),    QStringLiteral("Education")};
    return list;
}

const QStringList &helpCodes()
{
    static const QStringList list {QStringLiteral("Unknown"),
                                   QStringLiteral("GeneralOrOther"),
                                   QStringLiteral("CustomerTechnicalArchitecture"),
                                   QStringLiteral("ProofOfConceptOrDemo"),
                                   QStringLiteral("QuotesOrLicensing"),
                                   QStringLiteral("PostSalesCustomerSuccess"),
                                   QStringLiteral("WorkloadSpecificValueProposition")};
    return list;
}

} // namespace

DataGenerator::DataGenerator(quint64 seed)
    : m_engine(seed)
{ }

DataGenerator DataGenerator::forRecord(quint64 seed, int index)
{
    // splitmix64 of (seed, index) so neighbouring records are unrelated.
    quint64 z = seed + 0x9E3779B97F4A7C15ULL * quint64(index + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return DataGenerator(z ^ (z >> 31));
}

quint64 DataGenerator::next()
{
    return m_engine();
}

int DataGenerator::range(int low, int highInclusive)
{
    const quint64 span = quint64(qint64(highInclusive) - low + 1);
    return int(qint64(low) + qint64(next() % span));
}

bool DataGenerator::chance(double probability)
{
    return double(next() % 1000000) < probability * 1000000.0;
}

const QStringList &DataGenerator::countries()
{
    static const QStringList list = [] {
        QStringList codes;
        for (const Place &place : places()) {
            if (!codes.contains(place.country))
                codes.append(place.country);
        }
        return codes;
    }();
    return list;
}

SeedPerson DataGenerator::person(const QString &emailDomain)
{
    SeedPerson person;
    if (chance(0.2)) {
        const ChineseName &name = pick(chineseNames());
        person.firstName = name.given;
        person.lastName = name.family;
        person.email = name.givenLatin + u'.' + name.familyLatin + u'@' + emailDomain;
        person.chinese = true;
    } else {
        person.firstName = pick(firstNames());
        person.lastName = pick(lastNames());
        QString local = (person.firstName + u'.' + person.lastName).toLower();
        local.replace(QStringLiteral("ü"), QStringLiteral("ue"));
        person.email = local + u'@' + emailDomain;
    }
    person.phone = QStringLiteral("+1425555%1").arg(range(0, 9999), 4, 10, QLatin1Char('0'));
    static const QStringList titles {QStringLiteral("CIO"), QStringLiteral("IT Manager"),
                                     QStringLiteral("Head of Cloud"), QStringLiteral("CTO"),
                                     QStringLiteral("Procurement Lead")};
    person.title = pick(titles);
    return person;
}

QString DataGenerator::company()
{
    if (chance(0.15))
        return pick(chineseCompanies());
    return pick(companyStems()) + u' ' + pick(companySuffixes());
}

QString DataGenerator::country()
{
    return pick(places()).country;
}

QString DataGenerator::currencyFor(const QString &country) const
{
    if (country == u"DE" || country == u"FR")
        return QStringLiteral("EUR");
    if (country == u"GB")
        return QStringLiteral("GBP");
    if (country == u"JP")
        return QStringLiteral("JPY");
    if (country == u"TW")
        return QStringLiteral("TWD");
    return QStringLiteral("USD");
}

double DataGenerator::amount()
{
    // Log-uniform between 5k and 2M, rounded to 500: many small deals, a few big ones.
    const double unit = double(next() % 1000000) / 1000000.0;
    const double value = 5000.0 * std::pow(400.0, unit);
    return std::round(value / 500.0) * 500.0;
}

QDate DataGenerator::date(const QDate &from, int maxDays)
{
    return from.addDays(range(0, maxDays));
}

SeedSolution DataGenerator::solution()
{
    return pick(solutions());
}

QString DataGenerator::guid()
{
    const quint64 a = next();
    const quint64 b = next();
    const QString hex =
        QStringLiteral("%1%2").arg(a, 16, 16, QLatin1Char('0')).arg(b, 16, 16, QLatin1Char('0'));
    return hex.mid(0, 8) + u'-' + hex.mid(8, 4) + u"-4" + hex.mid(13, 3) + u'-'
        + QChar(u"89ab"[int(b % 4)]) + hex.mid(17, 3) + u'-' + hex.mid(20, 12);
}

QString DataGenerator::salesforceId(const QString &prefix)
{
    static const char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    QString id = prefix + QStringLiteral("5g0000");
    while (id.size() < 18)
        id += QLatin1Char(alphabet[next() % 62]);
    return id;
}

SeedDeal DataGenerator::deal(quint64 seed, int index)
{
    DataGenerator g = forRecord(seed, index);
    SeedDeal deal;
    deal.index = index;
    deal.referralId = g.guid();
    deal.engagementId = g.guid();
    deal.crmId = g.guid();
    deal.salesforceId = g.salesforceId(QStringLiteral("006"));
    deal.company = g.company();
    const Place &place = g.pick(places());
    deal.country = place.country;
    deal.city = place.city;
    deal.state = place.state;
    deal.postalCode = place.postal;
    deal.addressLine1 = QStringLiteral("%1 Main Street").arg(g.range(1, 999));
    deal.currency = g.currencyFor(deal.country);
    deal.contact = g.person(QStringLiteral("customer%1.example").arg(g.range(1, 500)));
    deal.seller = g.person(QStringLiteral("partner.example"));
    deal.amount = g.amount();
    deal.size = g.pick(sizes());
    deal.industry = g.pick(industries());
    deal.solution = g.solution();
    deal.createdDate = g.date(QDate(2025, 1, 1), 300);
    deal.closeDate = g.date(deal.createdDate.addDays(30), 270);
    deal.dealName = deal.company + QStringLiteral(" - ") + deal.solution.name;
    deal.helpCode = g.pick(helpCodes());
    deal.notes = QStringLiteral("Customer evaluating %1; %2 seats.")
                     .arg(deal.solution.name)
                     .arg(g.range(10, 5000));
    deal.incoming = g.chance(0.6);
    deal.salesStageIndex = g.range(0, 3);
    deal.statusIndex = g.range(0, 9) < 5 ? 1 : (g.range(0, 9) < 6 ? 0 : (g.chance(0.5) ? 2 : 3));
    return deal;
}

} // namespace cosell::sandbox
