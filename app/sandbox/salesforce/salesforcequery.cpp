// SPDX-License-Identifier: MIT
#include "app/sandbox/salesforce/salesforcequery.h"

#include "app/sandbox/salesforce/salesforceerror.h"
#include "app/sandbox/salesforce/soqlparser.h"

#include <algorithm>
#include <limits>

#include <QJsonArray>

namespace cosell::sandbox {
namespace {

int compareJson(const QJsonValue &a, const QJsonValue &b)
{
    const bool an = a.isNull() || a.isUndefined(), bn = b.isNull() || b.isUndefined();
    if (an || bn)
        return an == bn ? 0 : (an ? -1 : 1);
    if (a.isDouble() && b.isDouble())
        return a.toDouble() < b.toDouble() ? -1 : (a.toDouble() > b.toDouble() ? 1 : 0);
    if (a.isBool() && b.isBool())
        return int(a.toBool()) - int(b.toBool());
    return a.toString().compare(b.toString(), Qt::CaseInsensitive);
}

bool isModstamp(const QString &field)
{
    return field == u"SystemModstamp" || field == u"LastModifiedDate";
}

} // namespace

QJsonObject SalesforceQuery::recordJson(const SalesforceObject &object, const CrmRecord &row,
                                        const QStringList &fields, const QString &versionPath)
{
    QJsonObject o {{QStringLiteral("attributes"),
                    QJsonObject {{QStringLiteral("type"), object.name},
                                 {QStringLiteral("url"),
                                  QString(versionPath + QStringLiteral("/sobjects/") + object.name
                                          + u'/' + row.id)}}}};
    const auto add = [&](const QString &name) {
        const QJsonValue v = row.fields.value(name);
        o.insert(name, v.isUndefined() ? QJsonValue(QJsonValue::Null) : v);
    };
    if (fields.isEmpty()) {
        for (const SalesforceField &f : object.fields)
            add(f.name);
    } else {
        for (const QString &name : fields)
            add(name);
    }
    return o;
}

bool SalesforceQuery::addParentField(const SalesforceObject &object, const QString &path,
                                     Cursor *cursor, QString *unknown) const
{
    const QStringList parts = path.split(u'.');
    const QString relationship = parts.first();
    // Standard relationships are named after their reference field less "Id"; custom ones
    // (X__r) after the field X__c.
    const QString reference = relationship.endsWith(QLatin1String("__r"), Qt::CaseInsensitive)
        ? relationship.chopped(3) + QStringLiteral("__c")
        : relationship + QStringLiteral("Id");
    const SalesforceField *field = object.field(reference);
    const SalesforceObject *target =
        field && field->type == u"reference" ? m_store.object(relationship) : nullptr;
    const SalesforceField *targetField =
        target && parts.size() == 2 ? target->field(parts.at(1)) : nullptr;
    if (!targetField) {
        *unknown = path;
        return false;
    }
    for (Parent &p : cursor->parents) {
        if (p.object == target->name) {
            if (!p.fields.contains(targetField->name))
                p.fields << targetField->name;
            return true;
        }
    }
    cursor->parents.append({target->name, field->name, target->name, {targetField->name}});
    return true;
}

QJsonValue SalesforceQuery::parentJson(const Parent &parent, const CrmRecord &row,
                                       const QString &versionPath) const
{
    const QString id = row.fields.value(parent.referenceField).toString();
    const CrmRecord *related = id.isEmpty() ? nullptr : m_store.table(parent.object)->find(id);
    if (!related)
        return QJsonValue(QJsonValue::Null);
    return recordJson(*m_store.object(parent.object), *related, parent.fields, versionPath);
}

SandboxResponse SalesforceQuery::query(const QString &soql, const QString &versionPath,
                                       int batchSize)
{
    auto parsed = SoqlParser::parse(soql);
    if (!parsed)
        return SalesforceError::response(400, parsed.error().code, parsed.error().message);
    SoqlQuery q = std::move(parsed).value();
    const SalesforceObject *object = m_store.object(q.object);
    if (!object)
        return SalesforceError::response(
            400, QStringLiteral("INVALID_TYPE"),
            QStringLiteral("sObject type '%1' is not supported. If you are attempting to use a "
                           "custom object, be sure to append the '__c' after the entity name.")
                .arg(q.object));
    QString unknown;
    auto canonical = [&](const QString &name) {
        const SalesforceField *f = object->field(name);
        if (!f && unknown.isEmpty())
            unknown = name;
        return f ? f->name : name;
    };
    Cursor c;
    c.object = object->name;
    for (const QString &name : std::as_const(q.fields)) {
        if (!name.contains(u'.'))
            c.fields << canonical(name);
        else if (!addParentField(*object, name, &c, &unknown))
            break;
    }
    if (q.where)
        q.where->renameFields(canonical);
    for (SoqlQuery::Order &o : q.orderBy)
        o.field = canonical(o.field);
    if (!unknown.isEmpty())
        return SalesforceError::response(
            400, QStringLiteral("INVALID_FIELD"),
            QStringLiteral("No such column '%1' on entity '%2'. If you are attempting to use a "
                           "custom field, be sure to append the '__c' after the custom field name.")
                .arg(unknown, object->name));
    c.fields.removeDuplicates();
    c.where = q.where;
    c.batchSize = batchSize;
    const RecordTable &table = *m_store.table(object->name);

    std::vector<const FilterExpr *> conjuncts;
    if (q.where)
        q.where->collectConjuncts(conjuncts);
    std::optional<QStringList> exact;
    QString boundField;
    RecordTable::ModKey after {std::numeric_limits<qint64>::min(), 0};
    for (const FilterExpr *e : conjuncts) {
        // Id = / IN and the key field = / IN are looked up, not scanned.
        if (const auto ids = e->equalTexts(QStringLiteral("Id"))) {
            exact = *ids;
        } else if (const auto keys = table.keyField().isEmpty() ? std::nullopt
                                                                : e->equalTexts(table.keyField())) {
            exact = QStringList();
            for (const QString &key : *keys)
                *exact += table.idsByKey(key);
        }
        if (exact)
            exact->removeDuplicates();
        if (isModstamp(e->field())
            && (e->op() == FilterExpr::Op::Gt || e->op() == FilterExpr::Op::Ge)
            && e->values().front().dateTime.isValid()) {
            const qint64 ms = e->values().front().dateTime.toMSecsSinceEpoch();
            boundField = e->field();
            after = e->op() == FilterExpr::Op::Gt
                ? RecordTable::ModKey {ms, std::numeric_limits<qint64>::max()}
                : RecordTable::ModKey {ms - 1, std::numeric_limits<qint64>::max()};
        }
    }
    const bool orderById = q.orderBy.empty()
        || (q.orderBy.size() == 1 && q.orderBy[0].field == u"Id" && !q.orderBy[0].descending);
    const bool orderByMod =
        q.orderBy.size() == 1 && isModstamp(q.orderBy[0].field) && !q.orderBy[0].descending;
    int total = 0;
    if (!exact && (orderByMod || (q.orderBy.empty() && !boundField.isEmpty()))) {
        c.mode = Cursor::Mode::ByModified;
        c.lastMod = after;
        const auto &index = table.byModified();
        for (auto it = index.upper_bound(after); it != index.end(); ++it)
            if (!c.where || c.where->matches(table.find(it->second)->fields))
                ++total;
    } else if (!exact && orderById) {
        c.mode = Cursor::Mode::ById;
        if (!c.where) {
            total = table.size();
        } else {
            for (const auto &[id, row] : table.rows())
                if (c.where->matches(row.fields))
                    ++total;
        }
    } else {
        c.mode = Cursor::Mode::List;
        // Sort keys are extracted once per row, not per comparison.
        struct Keyed
        {
            std::vector<QJsonValue> keys;
            const CrmRecord *row;
        };
        std::vector<Keyed> rows;
        auto add = [&](const CrmRecord *row) {
            Keyed k {{}, row};
            for (const SoqlQuery::Order &o : q.orderBy)
                k.keys.push_back(row->fields.value(o.field));
            rows.push_back(std::move(k));
        };
        if (exact) {
            for (const QString &id : *exact)
                if (const CrmRecord *row = table.find(id);
                    row && (!c.where || c.where->matches(row->fields)))
                    add(row);
        } else {
            for (const auto &[id, row] : table.rows())
                if (!c.where || c.where->matches(row.fields))
                    add(&row);
        }
        const auto &order = q.orderBy;
        auto less = [&](const Keyed &a, const Keyed &b) {
            for (size_t i = 0; i < order.size(); ++i) {
                const SoqlQuery::Order &o = order[i];
                const QJsonValue &av = a.keys[i], &bv = b.keys[i];
                const bool an = av.isNull() || av.isUndefined(),
                           bn = bv.isNull() || bv.isUndefined();
                if (an != bn)
                    return o.nullsLast ? bn : an;
                const int r = compareJson(av, bv);
                if (r != 0)
                    return o.descending ? r > 0 : r < 0;
            }
            return a.row->id < b.row->id;
        };
        total = int(rows.size());
        const size_t keep = q.limit ? std::min(rows.size(), size_t(*q.limit)) : rows.size();
        std::partial_sort(rows.begin(), rows.begin() + qsizetype(keep), rows.end(), less);
        for (size_t i = 0; i < keep; ++i)
            c.ids.push_back(rows[i].row->id);
    }
    c.total = q.limit ? qMin(*q.limit, total) : total;
    c.remaining = c.total;
    const QString locator =
        QStringLiteral("01g5g000%1").arg(++m_nextCursor, 7, 10, QLatin1Char('0'))
        + QStringLiteral("AAA");
    return page(locator, c, versionPath);
}

SandboxResponse SalesforceQuery::more(const QString &locator, const QString &versionPath)
{
    const QString key = locator.section(u'-', 0, 0);
    const auto it = m_cursors.find(key);
    if (it == m_cursors.end() || locator.section(u'-', 1).toInt() != it->delivered)
        return SalesforceError::response(400, QStringLiteral("INVALID_QUERY_LOCATOR"),
                                         QStringLiteral("invalid query locator"));
    Cursor c = *it;
    m_cursors.erase(it);
    return page(key, c, versionPath);
}

SandboxResponse SalesforceQuery::page(const QString &locator, Cursor &c, const QString &versionPath)
{
    const SalesforceObject &object = *m_store.object(c.object);
    const RecordTable &table = *m_store.table(c.object);
    const int want = qMin(c.batchSize, c.remaining);
    QJsonArray records;
    auto take = [&](const CrmRecord &row) {
        if (c.where && !c.where->matches(row.fields))
            return true;
        QJsonObject json = recordJson(object, row, c.fields, versionPath);
        if (c.fields.isEmpty()) // only parent fields selected: not "every field"
            json = QJsonObject {{QStringLiteral("attributes"), json.value(u"attributes")}};
        for (const Parent &parent : std::as_const(c.parents))
            json.insert(parent.relationship, parentJson(parent, row, versionPath));
        records.append(json);
        return records.size() < want;
    };
    if (want > 0) {
        switch (c.mode) {
        case Cursor::Mode::ById: {
            const auto &rows = table.rows();
            for (auto it = c.lastId.isEmpty() ? rows.begin() : rows.upper_bound(c.lastId);
                 it != rows.end(); ++it) {
                c.lastId = it->first;
                if (!take(it->second))
                    break;
            }
            break;
        }
        case Cursor::Mode::ByModified: {
            const auto &index = table.byModified();
            for (auto it = index.upper_bound(c.lastMod); it != index.end(); ++it) {
                c.lastMod = it->first;
                if (!take(*table.find(it->second)))
                    break;
            }
            break;
        }
        case Cursor::Mode::List:
            while (c.position < c.ids.size()) {
                const CrmRecord *row = table.find(c.ids[c.position++]);
                if (row && !take(*row))
                    break;
            }
            break;
        }
    }
    c.remaining -= int(records.size());
    c.delivered += int(records.size());
    const bool done = c.remaining <= 0 || records.size() < want;
    QJsonObject body {{QStringLiteral("totalSize"), c.total},
                      {QStringLiteral("done"), done},
                      {QStringLiteral("records"), records}};
    if (!done) {
        body.insert(QStringLiteral("nextRecordsUrl"),
                    QString(versionPath + QStringLiteral("/query/") + locator + u'-'
                            + QString::number(c.delivered)));
        if (m_cursors.size() >= 500)
            m_cursors.erase(m_cursors.begin());
        m_cursors.insert(locator, c);
    }
    return SandboxResponse::json(200, body);
}

} // namespace cosell::sandbox
