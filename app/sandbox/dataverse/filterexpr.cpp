// SPDX-License-Identifier: MIT
#include "app/sandbox/dataverse/filterexpr.h"

#include <QRegularExpression>

namespace cosell::sandbox {

FilterExpr FilterExpr::logical(Op op, FilterExpr left, FilterExpr right)
{
    FilterExpr e;
    e.m_op = op;
    e.m_children.push_back(std::move(left));
    e.m_children.push_back(std::move(right));
    return e;
}

FilterExpr FilterExpr::negation(FilterExpr inner)
{
    FilterExpr e;
    e.m_op = Op::Not;
    e.m_children.push_back(std::move(inner));
    return e;
}

FilterExpr FilterExpr::comparison(Op op, QString field, std::vector<Literal> values)
{
    FilterExpr e;
    e.m_op = op;
    e.m_field = std::move(field);
    e.m_values = std::move(values);
    return e;
}

QDateTime FilterExpr::parseWireDateTime(const QString &text)
{
    static const QRegularExpression compactOffset(QStringLiteral("([+-]\\d\\d)(\\d\\d)$"));
    QString t = text.trimmed();
    if (t.size() == 10) {
        const QDate d = QDate::fromString(t, Qt::ISODate);
        return d.isValid() ? QDateTime(d, QTime(0, 0), Qt::UTC) : QDateTime();
    }
    const auto m = compactOffset.match(t);
    if (m.hasMatch() && t.size() > 19)
        t = t.left(m.capturedStart()) + m.captured(1) + u':' + m.captured(2);
    QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(t, Qt::ISODate);
    return dt.isValid() ? dt.toUTC() : dt;
}

bool FilterExpr::likeMatch(const QString &text, const QString &pattern)
{
    QString rx;
    for (const QChar c : pattern) {
        if (c == u'%')
            rx += QStringLiteral(".*");
        else if (c == u'_')
            rx += u'.';
        else
            rx += QRegularExpression::escape(QString(c));
    }
    const QRegularExpression re(QRegularExpression::anchoredPattern(rx),
                                QRegularExpression::CaseInsensitiveOption
                                    | QRegularExpression::DotMatchesEverythingOption);
    return re.match(text).hasMatch();
}

namespace {

template<typename T> bool applyOrder(const T &a, const T &b, FilterExpr::Op op)
{
    switch (op) {
    case FilterExpr::Op::Eq:
    case FilterExpr::Op::In:
        return a == b;
    case FilterExpr::Op::Ne:
    case FilterExpr::Op::NotIn:
        return !(a == b);
    case FilterExpr::Op::Lt:
        return a < b;
    case FilterExpr::Op::Le:
        return a < b || a == b;
    case FilterExpr::Op::Gt:
        return b < a;
    case FilterExpr::Op::Ge:
        return b < a || a == b;
    case FilterExpr::Op::And:
    case FilterExpr::Op::Or:
    case FilterExpr::Op::Not:
    case FilterExpr::Op::Like:
        return false;
    }
    return false;
}

} // namespace

bool FilterExpr::compareOne(const QJsonValue &value, const Literal &literal, Op op) const
{
    const bool isNull = value.isNull() || value.isUndefined();
    const bool negative = op == Op::Ne || op == Op::NotIn;
    if (literal.kind == Literal::Kind::Null) {
        if (op == Op::Eq || op == Op::In)
            return isNull;
        if (negative)
            return !isNull;
        return false;
    }
    if (isNull)
        return negative;
    switch (literal.kind) {
    case Literal::Kind::Null:
        return false;
    case Literal::Kind::Number:
        if (!value.isDouble())
            return negative;
        return applyOrder(value.toDouble(), literal.number, op);
    case Literal::Kind::Bool:
        if (!value.isBool())
            return negative;
        return applyOrder(int(value.toBool()), int(literal.boolean), op);
    case Literal::Kind::String:
    case Literal::Kind::Guid: {
        if (!value.isString())
            return negative;
        if (op == Op::Like)
            return likeMatch(value.toString(), literal.text);
        const int c = value.toString().compare(literal.text, Qt::CaseInsensitive);
        return applyOrder(c, 0, op);
    }
    case Literal::Kind::DateTime:
    case Literal::Kind::Date: {
        if (!value.isString())
            return negative;
        QDateTime v = parseWireDateTime(value.toString());
        if (!v.isValid())
            return negative;
        if (literal.kind == Literal::Kind::Date)
            v = QDateTime(v.date(), QTime(0, 0), Qt::UTC);
        return applyOrder(v.toMSecsSinceEpoch(), literal.dateTime.toMSecsSinceEpoch(), op);
    }
    }
    return false;
}

bool FilterExpr::matches(const QJsonObject &fields) const
{
    switch (m_op) {
    case Op::And:
        return m_children[0].matches(fields) && m_children[1].matches(fields);
    case Op::Or:
        return m_children[0].matches(fields) || m_children[1].matches(fields);
    case Op::Not:
        return !m_children[0].matches(fields);
    case Op::In: {
        const QJsonValue v = fields.value(m_field);
        for (const Literal &l : m_values)
            if (compareOne(v, l, Op::Eq))
                return true;
        return false;
    }
    case Op::NotIn: {
        const QJsonValue v = fields.value(m_field);
        for (const Literal &l : m_values)
            if (compareOne(v, l, Op::Eq))
                return false;
        return true;
    }
    case Op::Eq:
    case Op::Ne:
    case Op::Lt:
    case Op::Le:
    case Op::Gt:
    case Op::Ge:
    case Op::Like:
        return compareOne(fields.value(m_field), m_values.front(), m_op);
    }
    return false;
}

void FilterExpr::collectFields(QStringList &out) const
{
    if (!m_field.isEmpty() && !out.contains(m_field))
        out.append(m_field);
    for (const FilterExpr &c : m_children)
        c.collectFields(out);
}

void FilterExpr::collectConjuncts(std::vector<const FilterExpr *> &out) const
{
    if (m_op == Op::And) {
        for (const FilterExpr &c : m_children)
            c.collectConjuncts(out);
    } else {
        out.push_back(this);
    }
}

std::optional<QStringList> FilterExpr::equalTexts(const QString &field) const
{
    if (m_op == Op::Or) {
        QStringList texts;
        for (const FilterExpr &c : m_children) {
            const auto more = c.equalTexts(field);
            if (!more)
                return std::nullopt;
            texts += *more;
        }
        return texts;
    }
    if ((m_op != Op::Eq && m_op != Op::In) || m_field != field)
        return std::nullopt;
    QStringList texts;
    for (const Literal &v : m_values) {
        if (v.kind != Literal::Kind::String && v.kind != Literal::Kind::Guid)
            return std::nullopt;
        texts.append(v.text);
    }
    return texts;
}

} // namespace cosell::sandbox
