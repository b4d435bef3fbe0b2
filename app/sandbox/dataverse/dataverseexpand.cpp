// SPDX-License-Identifier: MIT
#include "app/sandbox/dataverse/dataverseexpand.h"

#include "app/sandbox/dataverse/dataverseerror.h"
#include "app/sandbox/dataverse/dataversequery.h"

namespace cosell::sandbox {
namespace {

// Splits at commas outside parentheses; false when the parentheses do not balance.
bool splitTopLevel(const QString &text, QChar separator, QStringList *parts)
{
    int depth = 0;
    QString current;
    for (const QChar c : text) {
        if (c == u'(')
            ++depth;
        else if (c == u')' && --depth < 0)
            return false;
        if (c == separator && depth == 0) {
            parts->append(current.trimmed());
            current.clear();
        } else {
            current += c;
        }
    }
    if (depth != 0)
        return false;
    parts->append(current.trimmed());
    return true;
}

SandboxResponse syntaxError(const QString &text)
{
    return DataverseError::response(
        400, QStringLiteral("0x80060888"),
        QStringLiteral("Syntax error in $expand: '%1'.").arg(text));
}

} // namespace

bool DataverseExpand::parse(const DataverseEntity &entity, const QString &text,
                            const Tables &tables, QList<Item> *items, SandboxResponse *error)
{
    items->clear();
    QStringList parts;
    if (!splitTopLevel(text, u',', &parts)) {
        *error = syntaxError(text);
        return false;
    }
    for (const QString &part : std::as_const(parts)) {
        if (part.isEmpty()) {
            *error = syntaxError(text);
            return false;
        }
        const qsizetype open = part.indexOf(u'(');
        if (open >= 0 && !part.endsWith(u')')) {
            *error = syntaxError(part);
            return false;
        }
        Item item;
        item.navigation = (open < 0 ? part : part.left(open)).trimmed();
        const DataverseAttribute *lookup = entity.byNavigation(item.navigation);
        const auto target =
            lookup ? tables(lookup->navigation.value(item.navigation)) : std::pair {nullptr, nullptr};
        if (!target.first || !target.second) {
            *error = DataverseQuery::unknownProperty(entity, item.navigation);
            return false;
        }
        item.lookupColumn = lookup->name;
        item.target = target.first;
        item.table = target.second;
        if (open >= 0) {
            QStringList options;
            if (!splitTopLevel(part.mid(open + 1, part.size() - open - 2), u';', &options)) {
                *error = syntaxError(part);
                return false;
            }
            for (const QString &option : std::as_const(options)) {
                if (option.isEmpty())
                    continue;
                if (!option.startsWith(QLatin1String("$select="))) {
                    *error = DataverseError::response(
                        400, QStringLiteral("0x80060888"),
                        QStringLiteral("The query option '%1' is not supported in $expand of the "
                                       "single-valued navigation property '%2'.")
                            .arg(option.section(u'=', 0, 0), item.navigation));
                    return false;
                }
                QString bad;
                if (!DataverseQuery::parseSelect(*item.target, option.mid(8), &item.select,
                                                 &bad)) {
                    *error = DataverseQuery::unknownProperty(*item.target, bad);
                    return false;
                }
            }
        }
        items->append(item);
    }
    return true;
}

void DataverseExpand::apply(const QList<Item> &items, const CrmRecord &row, QJsonObject *json)
{
    for (const Item &item : items) {
        const QString id = row.fields.value(item.lookupColumn).toString();
        const CrmRecord *related = id.isEmpty() ? nullptr : item.table->find(id);
        json->insert(item.navigation,
                     related ? QJsonValue(DataverseQuery::entityJson(*item.target, *related,
                                                                     item.select))
                             : QJsonValue(QJsonValue::Null));
    }
}

QString DataverseExpand::contextPart(const QList<Item> &items)
{
    QStringList parts;
    for (const Item &item : items)
        parts << item.navigation + u'(' + item.select.join(u',') + u')';
    return parts.join(u',');
}

} // namespace cosell::sandbox
