// SPDX-License-Identifier: MIT
#include "app/sandbox/dataverse/dataversequery.h"

#include "app/sandbox/dataverse/dataverseerror.h"
#include "app/sandbox/dataverse/odatafilterparser.h"

#include <algorithm>

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

namespace cosell::sandbox {
namespace {

QString value(const QList<QPair<QString, QString>> &items, const QString &name,
              bool *present = nullptr)
{
    for (const auto &item : items) {
        if (item.first == name) {
            if (present)
                *present = true;
            return item.second;
        }
    }
    if (present)
        *present = false;
    return {};
}

QString encodeToken(const QJsonObject &o)
{
    return QString::fromLatin1(
        QJsonDocument(o)
            .toJson(QJsonDocument::Compact)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QJsonObject decodeToken(const QString &t, bool *ok)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        t.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    const QJsonDocument doc = QJsonDocument::fromJson(decoded.decoded);
    *ok = decoded && doc.isObject();
    return doc.object();
}

QString linkWith(const QString &apiRoot, const QString &set,
                 const QList<QPair<QString, QString>> &items, const QString &dropName,
                 const QString &name, const QString &val)
{
    QStringList parts;
    for (const auto &item : items)
        if (item.first != dropName && item.first != name)
            parts << QString::fromLatin1(QUrl::toPercentEncoding(item.first, "$")) + u'='
                    + QString::fromLatin1(QUrl::toPercentEncoding(item.second, "$,'() "));
    parts << name + u'=' + QString::fromLatin1(QUrl::toPercentEncoding(val));
    QString link = apiRoot + u'/' + set + u'?' + parts.join(u'&');
    link.replace(u' ', QStringLiteral("%20"));
    return link;
}

int compareJson(const QJsonValue &a, const QJsonValue &b)
{
    const bool an = a.isNull() || a.isUndefined(), bn = b.isNull() || b.isUndefined();
    if (an || bn)
        return an == bn ? 0 : (an ? -1 : 1); // nulls first in ascending order
    if (a.isDouble() && b.isDouble())
        return a.toDouble() < b.toDouble() ? -1 : (a.toDouble() > b.toDouble() ? 1 : 0);
    if (a.isBool() && b.isBool())
        return int(a.toBool()) - int(b.toBool());
    return a.toString().compare(b.toString(), Qt::CaseInsensitive);
}

} // namespace

QList<QPair<QString, QString>> DataverseQuery::queryItems(const QByteArray &rawQuery)
{
    QList<QPair<QString, QString>> items;
    for (const QByteArray &part : rawQuery.split('&')) {
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf('=');
        const QByteArray k = eq < 0 ? part : part.left(eq);
        const QByteArray v = eq < 0 ? QByteArray() : part.mid(eq + 1);
        items.append({QUrl::fromPercentEncoding(k), QUrl::fromPercentEncoding(v)});
    }
    return items;
}

int DataverseQuery::maxPageSize(const SandboxRequest &request, int fallback, bool *present)
{
    static const QRegularExpression rx(QStringLiteral("odata\\.maxpagesize\\s*=\\s*(\\d+)"));
    const auto m = rx.match(QString::fromLatin1(request.header("prefer")));
    *present = m.hasMatch();
    return m.hasMatch() ? qBound(1, m.captured(1).toInt(), 5000) : fallback;
}

QString DataverseQuery::etag(const CrmRecord &row)
{
    return QStringLiteral("W/\"%1\"").arg(row.version);
}

QJsonObject DataverseQuery::entityJson(const DataverseEntity &entity, const CrmRecord &row,
                                       const QStringList &select)
{
    QJsonObject o {{QStringLiteral("@odata.etag"), etag(row)}};
    if (select.isEmpty()) {
        for (const DataverseAttribute &a : entity.attributes)
            o.insert(a.name,
                     row.fields.value(a.name).isUndefined() ? QJsonValue(QJsonValue::Null)
                                                            : row.fields.value(a.name));
    } else {
        for (const QString &name : select)
            o.insert(name,
                     row.fields.value(name).isUndefined() ? QJsonValue(QJsonValue::Null)
                                                          : row.fields.value(name));
        o.insert(entity.idField, row.id);
    }
    return o;
}

SandboxResponse DataverseQuery::unknownProperty(const DataverseEntity &entity, const QString &name)
{
    return DataverseError::response(
        400, QStringLiteral("0x80060888"),
        QStringLiteral("Could not find a property named '%1' on type 'Microsoft.Dynamics.CRM.%2'.")
            .arg(name, entity.logicalName));
}

bool DataverseQuery::parseSelect(const DataverseEntity &entity, const QString &text,
                                 QStringList *select, QString *bad)
{
    select->clear();
    for (QString name : text.split(u',', Qt::SkipEmptyParts)) {
        name = name.trimmed();
        if (!entity.attribute(name)) {
            *bad = name;
            return false;
        }
        if (!select->contains(name))
            select->append(name);
    }
    return true;
}

SandboxResponse DataverseQuery::list(const Context &c, const SandboxRequest &request)
{
    const auto items = queryItems(request.rawQuery);
    QStringList select;
    QString bad;
    if (!parseSelect(c.entity, value(items, QStringLiteral("$select")), &select, &bad))
        return unknownProperty(c.entity, bad);
    bool pageSizeApplied = false;
    const int pageSize = maxPageSize(request, c.defaultPageSize, &pageSizeApplied);
    const bool tracking = request.header("prefer").contains("odata.track-changes");
    bool hasDelta = false;
    value(items, QStringLiteral("$deltatoken"), &hasDelta);
    if (tracking || hasDelta) {
        for (const char *p : {"$filter", "$orderby", "$expand", "$top"}) {
            bool present = false;
            value(items, QString::fromLatin1(p), &present);
            if (present)
                return DataverseError::response(
                    400, QStringLiteral("0x80060888"),
                    QStringLiteral(
                        "The query parameter %1 isn't supported when Change Tracking is enabled.")
                        .arg(QLatin1StringView(p)));
        }
        return delta(c, request, items, select, pageSize, pageSizeApplied);
    }

    std::optional<FilterExpr> filter;
    bool hasFilter = false;
    const QString filterText = value(items, QStringLiteral("$filter"), &hasFilter);
    if (hasFilter) {
        auto parsed = ODataFilterParser::parse(filterText);
        if (!parsed)
            return DataverseError::response(400, parsed.error().code, parsed.error().message);
        QStringList fields;
        parsed->collectFields(fields);
        for (const QString &f : fields)
            if (!c.entity.attribute(f))
                return unknownProperty(c.entity, f);
        filter = std::move(parsed).value();
    }
    struct Order
    {
        QString field;
        bool desc;
    };
    QList<Order> order;
    for (const QString &part :
         value(items, QStringLiteral("$orderby")).split(u',', Qt::SkipEmptyParts)) {
        const QStringList words = part.trimmed().split(u' ', Qt::SkipEmptyParts);
        if (words.isEmpty() || words.size() > 2
            || (words.size() == 2 && words[1] != u"asc" && words[1] != u"desc"))
            return DataverseError::response(
                400, QStringLiteral("0x80060888"),
                QStringLiteral("Syntax error in $orderby: '%1'.").arg(part));
        if (!c.entity.attribute(words[0]))
            return unknownProperty(c.entity, words[0]);
        order.append({words[0], words.size() == 2 && words[1] == u"desc"});
    }
    bool hasTop = false;
    const QString topText = value(items, QStringLiteral("$top"), &hasTop);
    const int top = topText.toInt();
    if (hasTop && top <= 0)
        return DataverseError::response(
            400, QStringLiteral("0x80060888"),
            QStringLiteral("Invalid value for $top: '%1'.").arg(topText));
    QList<DataverseExpand::Item> expand;
    bool hasExpand = false;
    const QString expandText = value(items, QStringLiteral("$expand"), &hasExpand);
    if (hasExpand && c.tables) {
        SandboxResponse error;
        if (!DataverseExpand::parse(c.entity, expandText, c.tables, &expand, &error))
            return error;
    }
    for (const char *p : {"$skip", "$expand", "$apply"}) {
        if (c.tables && QLatin1StringView(p) == QLatin1StringView("$expand"))
            continue;
        bool present = false;
        value(items, QString::fromLatin1(p), &present);
        if (present)
            return DataverseError::response(
                400, QStringLiteral("0x80060888"),
                QStringLiteral("The query parameter %1 is not supported")
                    .arg(QLatin1StringView(p)));
    }
    // $top without a page-size preference limits the result and disables paging.
    const int limit = hasTop && !pageSizeApplied ? qMin(top, 5000) : pageSize;
    const bool paging = !(hasTop && !pageSizeApplied);

    bool hasSkip = false;
    bool tokenOk = true;
    const QJsonObject cursor = [&] {
        const QString t = value(items, QStringLiteral("$skiptoken"), &hasSkip);
        return hasSkip ? decodeToken(t, &tokenOk) : QJsonObject();
    }();
    if (!tokenOk)
        return DataverseError::response(400, QStringLiteral("0x80060888"),
                                        QStringLiteral("Invalid $skiptoken."));

    std::vector<const CrmRecord *> page;
    bool more = false;
    auto take = [&](const CrmRecord &row) {
        if (filter && !filter->matches(row.fields))
            return true;
        if (int(page.size()) == limit) {
            more = true;
            return false;
        }
        page.push_back(&row);
        return true;
    };
    const bool byId = order.isEmpty()
        || (order.size() == 1 && order[0].field == c.entity.idField && !order[0].desc);
    const bool byModified = order.size() == 1 && order[0].field == u"modifiedon" && !order[0].desc;
    const QString afterId = hasSkip ? cursor.value(QStringLiteral("i")).toString() : QString();
    const auto byIds = byId && filter ? filter->equalTexts(c.entity.idField) : std::nullopt;
    if (byIds) {
        // A few rows by id (a client reading related rows): looked up, not scanned.
        std::vector<const CrmRecord *> rows;
        for (const QString &id : *byIds) {
            const CrmRecord *row = c.table.find(id);
            if (!row)
                row = c.table.find(id.toLower()); // GUIDs compare case-insensitively
            if (row && (!hasSkip || afterId < row->id))
                rows.push_back(row);
        }
        std::sort(rows.begin(), rows.end(),
                  [](const CrmRecord *a, const CrmRecord *b) { return a->id < b->id; });
        rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
        for (auto it = rows.begin(); it != rows.end() && take(**it); ++it) { }
    } else if (byId) {
        const auto &rows = c.table.rows();
        auto it = hasSkip ? rows.upper_bound(afterId) : rows.begin();
        for (; it != rows.end() && take(it->second); ++it) { }
    } else if (byModified) {
        const auto &index = c.table.byModified();
        const RecordTable::ModKey after {qint64(cursor.value(QStringLiteral("m")).toDouble()),
                                         qint64(cursor.value(QStringLiteral("v")).toDouble())};
        auto it = hasSkip ? index.upper_bound(after) : index.begin();
        for (; it != index.end() && take(*c.table.find(it->second)); ++it) { }
    } else {
        // Sort keys are extracted once; only the page (+1) is sorted: O(n log page).
        struct Keyed
        {
            std::vector<QJsonValue> keys;
            const CrmRecord *row;
        };
        auto less = [&](const Keyed &a, const Keyed &b) {
            for (qsizetype i = 0; i < order.size(); ++i) {
                const int r = compareJson(a.keys[i], b.keys[i]);
                if (r != 0)
                    return order[i].desc ? r > 0 : r < 0;
            }
            return a.row->id < b.row->id;
        };
        Keyed probe {{}, nullptr};
        CrmRecord probeRow;
        if (hasSkip) {
            probeRow.id = cursor.value(QStringLiteral("i")).toString();
            const QJsonArray values = cursor.value(QStringLiteral("o")).toArray();
            for (qsizetype i = 0; i < order.size(); ++i)
                probe.keys.push_back(i < values.size() ? values[i] : QJsonValue());
            probe.row = &probeRow;
        }
        std::vector<Keyed> all;
        for (const auto &[id, row] : c.table.rows()) {
            if (filter && !filter->matches(row.fields))
                continue;
            Keyed k {{}, &row};
            for (const Order &o : order)
                k.keys.push_back(row.fields.value(o.field));
            if (hasSkip && !less(probe, k))
                continue;
            all.push_back(std::move(k));
        }
        const size_t n = std::min(all.size(), size_t(limit) + 1);
        std::partial_sort(all.begin(), all.begin() + qsizetype(n), all.end(), less);
        std::vector<const CrmRecord *> sorted;
        for (size_t i = 0; i < n; ++i)
            sorted.push_back(all[i].row);
        auto it = sorted.begin();
        filter.reset();
        for (; it != sorted.end() && take(**it); ++it) { }
    }

    QJsonArray values;
    for (const CrmRecord *row : page) {
        QJsonObject json = entityJson(c.entity, *row, select);
        DataverseExpand::apply(expand, *row, &json);
        values.append(json);
    }
    QStringList contextItems = select;
    if (!expand.isEmpty())
        contextItems << DataverseExpand::contextPart(expand);
    const QString selectPart =
        contextItems.isEmpty() ? QString() : u'(' + contextItems.join(u',') + u')';
    QJsonObject body {
        {QStringLiteral("@odata.context"),
         QString(c.apiRoot + QStringLiteral("/$metadata#") + c.entity.setName + selectPart)},
        {QStringLiteral("value"), values}};
    if (more && paging && !page.empty()) {
        const CrmRecord *last = page.back();
        QJsonArray orderValues;
        for (const Order &o : order)
            orderValues.append(last->fields.value(o.field));
        const QJsonObject next {{QStringLiteral("i"), last->id},
                                {QStringLiteral("m"), double(last->modified.toMSecsSinceEpoch())},
                                {QStringLiteral("v"), double(last->version)},
                                {QStringLiteral("o"), orderValues}};
        body.insert(QStringLiteral("@odata.nextLink"),
                    linkWith(c.apiRoot, c.entity.setName, items, QString(),
                             QStringLiteral("$skiptoken"), encodeToken(next)));
    }
    SandboxResponse response = SandboxResponse::json(200, body);
    if (pageSizeApplied)
        response.setHeader(QByteArrayLiteral("Preference-Applied"),
                           "odata.maxpagesize=" + QByteArray::number(pageSize));
    return DataverseError::addODataHeaders(response);
}

SandboxResponse DataverseQuery::delta(const Context &c, const SandboxRequest &request,
                                      const QList<QPair<QString, QString>> &items,
                                      const QStringList &select, int pageSize, bool pageSizeApplied)
{
    Q_UNUSED(request)
    bool hasDelta = false;
    const QString tokenText = value(items, QStringLiteral("$deltatoken"), &hasDelta);
    qint64 since = 0;
    if (hasDelta) {
        const qsizetype bang = tokenText.indexOf(u'!');
        bool ok = bang > 0;
        since = ok ? tokenText.left(bang).toLongLong(&ok) : 0;
        const QDateTime issued =
            QDateTime::fromString(tokenText.mid(bang + 1), QStringLiteral("MM/dd/yyyy HH:mm:ss"));
        if (!ok || since < 0 || since > c.table.currentVersion() || !issued.isValid())
            return DataverseError::response(
                400, QStringLiteral("0x80044352"),
                QStringLiteral("The delta token '%1' is not valid.").arg(tokenText));
        QDateTime issuedUtc = issued;
        issuedUtc.setTimeSpec(Qt::UTC);
        if (issuedUtc.addDays(7) < c.now)
            return DataverseError::response(
                400, QStringLiteral("0x80044352"),
                QStringLiteral("The delta token has expired (ExpireChangeTrackingInDays = 7); a "
                               "full synchronization is required."));
    }
    bool hasSkip = false, tokenOk = true;
    const QString skip = value(items, QStringLiteral("$skiptoken"), &hasSkip);
    const QJsonObject cursor = hasSkip ? decodeToken(skip, &tokenOk) : QJsonObject();
    if (!tokenOk)
        return DataverseError::response(400, QStringLiteral("0x80060888"),
                                        QStringLiteral("Invalid $skiptoken."));

    const QString selectPart = select.isEmpty() ? QString() : u'(' + select.join(u',') + u')';
    QJsonArray values;
    QJsonObject next;
    bool more = false;
    qint64 newToken = c.table.currentVersion();
    if (!hasDelta) {
        newToken = hasSkip ? qint64(cursor.value(QStringLiteral("t")).toDouble())
                           : c.table.currentVersion();
        const auto &rows = c.table.rows();
        auto it =
            hasSkip ? rows.upper_bound(cursor.value(QStringLiteral("i")).toString()) : rows.begin();
        int n = 0;
        QString lastId;
        for (; it != rows.end(); ++it) {
            if (n == pageSize) {
                more = true;
                break;
            }
            values.append(entityJson(c.entity, it->second, select));
            lastId = it->first;
            ++n;
        }
        next = QJsonObject {{QStringLiteral("i"), lastId}, {QStringLiteral("t"), double(newToken)}};
    } else {
        const qint64 from = hasSkip ? qint64(cursor.value(QStringLiteral("v")).toDouble()) : since;
        const auto &changes = c.table.changes();
        QJsonArray deletes;
        int n = 0;
        qint64 last = from;
        for (auto it = changes.upper_bound(from); it != changes.end(); ++it) {
            if (n == pageSize) {
                more = true;
                break;
            }
            if (it->second.deleted) {
                deletes.append(
                    QJsonObject {{QStringLiteral("@odata.context"),
                                  QString(c.apiRoot + QStringLiteral("/$metadata#")
                                          + c.entity.setName + QStringLiteral("/$deletedEntity"))},
                                 {QStringLiteral("id"), it->second.id},
                                 {QStringLiteral("reason"), QStringLiteral("deleted")}});
            } else if (const CrmRecord *row = c.table.find(it->second.id)) {
                values.append(entityJson(c.entity, *row, select));
            }
            last = it->first;
            ++n;
        }
        for (const QJsonValue &d : std::as_const(deletes))
            values.append(d);
        next = QJsonObject {{QStringLiteral("v"), double(last)}};
    }
    QJsonObject body {{QStringLiteral("@odata.context"),
                       QString(c.apiRoot + QStringLiteral("/$metadata#") + c.entity.setName
                               + selectPart + (hasDelta ? QStringLiteral("/$delta") : QString()))},
                      {QStringLiteral("value"), values}};
    if (more) {
        body.insert(QStringLiteral("@odata.nextLink"),
                    linkWith(c.apiRoot, c.entity.setName, items, QString(),
                             QStringLiteral("$skiptoken"), encodeToken(next)));
    } else {
        const QString token = QString::number(newToken) + u'!'
            + c.now.toUTC().toString(QStringLiteral("MM/dd/yyyy HH:mm:ss"));
        QList<QPair<QString, QString>> linkItems;
        if (!select.isEmpty())
            linkItems.append({QStringLiteral("$select"), select.join(u',')});
        body.insert(QStringLiteral("@odata.deltaLink"),
                    linkWith(c.apiRoot, c.entity.setName, linkItems, QString(),
                             QStringLiteral("$deltatoken"), token));
    }
    SandboxResponse response = SandboxResponse::json(200, body);
    QByteArray applied = "odata.track-changes";
    if (pageSizeApplied)
        applied += ",odata.maxpagesize=" + QByteArray::number(pageSize);
    response.setHeader(QByteArrayLiteral("Preference-Applied"), applied);
    return DataverseError::addODataHeaders(response);
}

} // namespace cosell::sandbox
