// SPDX-License-Identifier: MIT
#include "core/mapping/mappingspec.h"

#include "core/mapping/mappingvalidator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace cosell {
namespace {

Error invalid(const char *code, const QString &message)
{
    return Error {Error::Kind::Invalid, QString::fromLatin1(code), message, 0, {}};
}

// Replaces ${name} in every string below `value`; collects names with no setting.
QJsonValue substitute(const QJsonValue &value, const QJsonObject &settings, QStringList &unknown)
{
    static const QRegularExpression placeholder(QStringLiteral("\\$\\{([A-Za-z0-9_]+)\\}"));
    if (value.isString()) {
        const QString text = value.toString();
        const auto whole = placeholder.match(text);
        if (whole.hasMatch() && whole.capturedLength() == text.size()) {
            if (!settings.contains(whole.captured(1))) {
                unknown.append(whole.captured(1));
                return value;
            }
            return settings.value(whole.captured(1));
        }
        QString result;
        qsizetype last = 0;
        auto it = placeholder.globalMatch(text);
        while (it.hasNext()) {
            const auto match = it.next();
            result += text.mid(last, match.capturedStart() - last);
            if (!settings.contains(match.captured(1)))
                unknown.append(match.captured(1));
            result += settings.value(match.captured(1)).toVariant().toString();
            last = match.capturedEnd();
        }
        return QJsonValue(result + text.mid(last));
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array.replace(i, substitute(array.at(i), settings, unknown));
        return array;
    }
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = substitute(it.value(), settings, unknown);
        return object;
    }
    return value;
}

} // namespace

Result<MappingSpec> MappingSpec::fromJson(const QByteArray &json,
                                          const QJsonObject &settingsOverrides)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalid("malformedJson",
                       QStringLiteral("mapping is not valid JSON: %1 at offset %2")
                           .arg(parseError.errorString())
                           .arg(parseError.offset));
    if (!document.isObject())
        return invalid("malformedJson", QStringLiteral("mapping JSON must be an object"));
    return fromObject(document.object(), settingsOverrides);
}

Result<MappingSpec> MappingSpec::fromObject(const QJsonObject &json,
                                            const QJsonObject &settingsOverrides)
{
    MappingSpec spec;
    spec.m_source = json;
    spec.m_version = json.value(QStringLiteral("version")).toInt(0);
    if (spec.m_version != CurrentVersion)
        return invalid("unsupportedVersion",
                       QStringLiteral("mapping version %1 is not supported (expected %2)")
                           .arg(json.value(QStringLiteral("version")).toVariant().toString())
                           .arg(CurrentVersion));
    const auto system = crmSystemFromString(json.value(QStringLiteral("system")).toString());
    if (!system)
        return invalid("unknownCrmSystem",
                       QStringLiteral("mapping \"system\" is '%1'; expected dynamics or salesforce")
                           .arg(json.value(QStringLiteral("system")).toString()));
    spec.m_system = *system;

    QJsonObject settings = json.value(QStringLiteral("settings")).toObject();
    for (auto it = settingsOverrides.begin(); it != settingsOverrides.end(); ++it)
        settings.insert(it.key(), it.value());
    spec.m_source.insert(QStringLiteral("settings"), settings);

    // Settings may refer to each other once ("auditField": "${prefix}_audit").
    QStringList unknown;
    spec.m_settings = substitute(settings, settings, unknown).toObject();
    QJsonObject body = json;
    body.remove(QStringLiteral("settings"));
    body = substitute(body, spec.m_settings, unknown).toObject();
    if (!unknown.isEmpty()) {
        unknown.removeDuplicates();
        return invalid("unknownSetting",
                       QStringLiteral("mapping uses undefined setting(s): %1")
                           .arg(unknown.join(QStringLiteral(", "))));
    }
    spec.m_name = body.value(QStringLiteral("name")).toString();

    const QJsonArray custom = body.value(QStringLiteral("customFields")).toArray();
    for (const QJsonValue &item : custom) {
        const QJsonObject object = item.toObject();
        const QString name = object.value(QStringLiteral("name")).toString();
        const auto type = fieldTypeFromString(object.value(QStringLiteral("type")).toString());
        if (name.isEmpty() || !type)
            return invalid("invalidMapping",
                           QStringLiteral("custom field '%1' needs a name and a type (string, "
                                          "number, boolean, dateTime, date, array, object, "
                                          "lookup)")
                               .arg(name));
        spec.m_customFields.append({name, *type, object.value(QStringLiteral("readOnly")).toBool(),
                                    object.value(QStringLiteral("required")).toBool()});
    }

    QSet<QString> ids;
    const QJsonValue fields = body.value(QStringLiteral("fields"));
    if (!fields.isArray())
        return invalid("invalidMapping", QStringLiteral("mapping needs a \"fields\" array"));
    for (const QJsonValue &item : fields.toArray()) {
        auto field = FieldMapping::fromJson(item.toObject());
        if (!field)
            return field.error();
        if (ids.contains(field->id))
            return invalid("duplicateField",
                           QStringLiteral("field '%1' is mapped twice").arg(field->id));
        ids.insert(field->id);
        spec.m_fields.append(field.value());
    }
    return spec;
}

Result<MappingSpec> MappingSpec::builtIn(CrmSystem system, const QJsonObject &settingsOverrides)
{
    QFile file(QStringLiteral(":/mappings/%1.json").arg(toString(system)));
    if (!file.open(QIODevice::ReadOnly))
        return Error {Error::Kind::Internal,
                      QStringLiteral("missingResource"),
                      QStringLiteral("built-in mapping %1 is missing").arg(file.fileName()),
                      0,
                      {}};
    return fromJson(file.readAll(), settingsOverrides);
}

QByteArray MappingSpec::toJson() const
{
    return QJsonDocument(m_source).toJson(QJsonDocument::Indented);
}

const FieldMapping *MappingSpec::field(const QString &id) const
{
    for (const FieldMapping &field : m_fields) {
        if (field.id == id)
            return &field;
    }
    return nullptr;
}

FieldCatalog MappingSpec::crmCatalog() const
{
    FieldCatalog catalog = FieldCatalog::crm(m_system);
    for (const FieldCatalog::Field &field : m_customFields)
        catalog.add(field);
    return catalog;
}

QString MappingSpec::auditField() const
{
    return m_settings.value(QStringLiteral("auditField")).toString();
}

QString MappingSpec::syncFlagField() const
{
    return m_settings.value(QStringLiteral("syncFlagField")).toString();
}

bool MappingSpec::nameCheckMark() const
{
    return m_settings.value(QStringLiteral("nameCheckMark")).toBool(false);
}

QList<MappingIssue> MappingSpec::validate() const
{
    return MappingValidator::validate(*this);
}

Status MappingSpec::check() const
{
    const QList<MappingIssue> issues = validate();
    if (issues.isEmpty())
        return {};
    return Error {Error::Kind::Invalid,
                  QStringLiteral("invalidMappingSpec"),
                  messages(issues).join(QStringLiteral("; ")),
                  0,
                  {}};
}

} // namespace cosell
