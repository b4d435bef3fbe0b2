// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace cosell::sandbox {

// A boolean expression over a record's wire fields: the common tree that both the OData
// `$filter` parser and the SOQL WHERE parser produce. Pure value type, no I/O.
// String and GUID comparisons are case-insensitive (as both services' default collations).
class FilterExpr final
{
public:
    enum class Op { And, Or, Not, Eq, Ne, Lt, Le, Gt, Ge, In, NotIn, Like };

    struct Literal
    {
        enum class Kind { Null, String, Number, Bool, DateTime, Date, Guid };
        Kind kind = Kind::Null;
        QString text; // String, Guid
        double number = 0; // Number
        bool boolean = false;
        QDateTime dateTime; // DateTime (UTC); Date: midnight UTC of that day
    };

    static FilterExpr logical(Op op, FilterExpr left, FilterExpr right);
    static FilterExpr negation(FilterExpr inner);
    static FilterExpr comparison(Op op, QString field, std::vector<Literal> values);

    Op op() const { return m_op; }
    const QString &field() const { return m_field; }
    const std::vector<Literal> &values() const { return m_values; }
    const std::vector<FilterExpr> &children() const { return m_children; }

    bool matches(const QJsonObject &fields) const;

    // Rewrites every field name (canonical casing of case-insensitive SOQL names).
    template<typename F> void renameFields(const F &rename)
    {
        if (!m_field.isEmpty())
            m_field = rename(m_field);
        for (FilterExpr &c : m_children)
            c.renameFields(rename);
    }
    // Every field the expression names (for "unknown field" validation).
    void collectFields(QStringList &out) const;
    // The comparisons joined by top-level ANDs (the planner uses them to pick an index).
    void collectConjuncts(std::vector<const FilterExpr *> &out) const;
    // When the expression holds only for `field` equal to one of a few texts (`field eq 'a'`,
    // `field in ('a', 'b')`, ORs of those): the texts, so a planner can look the rows up
    // instead of scanning the table. Otherwise nothing.
    std::optional<QStringList> equalTexts(const QString &field) const;

    // Parses the date/time forms both services put on the wire: ISO 8601 with Z or
    // offset, with or without milliseconds, Salesforce's "+0000", and date-only.
    static QDateTime parseWireDateTime(const QString &text);

private:
    bool compareOne(const QJsonValue &value, const Literal &literal, Op op) const;
    static bool likeMatch(const QString &text, const QString &pattern);

    Op m_op = Op::And;
    QString m_field;
    std::vector<Literal> m_values;
    std::vector<FilterExpr> m_children;
};

} // namespace cosell::sandbox
