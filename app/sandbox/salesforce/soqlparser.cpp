// SPDX-License-Identifier: MIT
#include "app/sandbox/salesforce/soqlparser.h"

#include <QRegularExpression>

namespace cosell::sandbox {
namespace {

using Literal = FilterExpr::Literal;
using Op = FilterExpr::Op;

struct Token
{
    enum class Kind { Word, String, Number, DateTime, Date, Symbol, End };
    Kind kind = Kind::End;
    QString text;
    qsizetype pos = 0;
};

class Parser
{
public:
    explicit Parser(const QString &text)
        : m_text(text)
    { }

    Result<SoqlQuery> run()
    {
        if (!tokenize())
            return fail();
        SoqlQuery q;
        if (!keyword("SELECT"))
            return fail();
        do {
            if (peek().kind != Token::Kind::Word || isReserved(peek()))
                return failAt(peek());
            q.fields.append(next().text);
        } while (symbol(","));
        if (!keyword("FROM"))
            return fail();
        if (peek().kind != Token::Kind::Word || isReserved(peek()))
            return failAt(peek());
        q.object = next().text;
        if (keyword("WHERE")) {
            auto w = parseOr();
            if (!w)
                return w.error();
            q.where = std::move(w).value();
        }
        if (keyword("ORDER")) {
            if (!keyword("BY"))
                return fail();
            do {
                if (peek().kind != Token::Kind::Word || isReserved(peek()))
                    return failAt(peek());
                SoqlQuery::Order o;
                o.field = next().text;
                if (keyword("DESC"))
                    o.descending = true;
                else
                    keyword("ASC");
                o.nullsLast = o.descending;
                if (keyword("NULLS")) {
                    if (keyword("LAST"))
                        o.nullsLast = true;
                    else if (keyword("FIRST"))
                        o.nullsLast = false;
                    else
                        return fail();
                }
                q.orderBy.push_back(o);
            } while (symbol(","));
        }
        if (keyword("LIMIT")) {
            bool ok = false;
            const int n = peek().kind == Token::Kind::Number ? peek().text.toInt(&ok) : -1;
            if (!ok || n < 0)
                return failAt(peek());
            next();
            q.limit = n;
        }
        if (peek().kind != Token::Kind::End)
            return failAt(peek());
        return q;
    }

private:
    Error fail() const
    {
        const Token &t = m_failToken ? *m_failToken : peekConst();
        Error e;
        e.kind = Error::Kind::Invalid;
        e.code = QStringLiteral("MALFORMED_QUERY");
        const QString shown = t.kind == Token::Kind::End ? QStringLiteral("<EOF>") : t.text;
        e.message = QStringLiteral("ERROR at Row:1:Column:%1\nunexpected token: '%2'")
                        .arg(t.pos + 1)
                        .arg(shown);
        return e;
    }
    Error failAt(const Token &t)
    {
        m_failToken = &t;
        return fail();
    }

    static bool isReserved(const Token &t)
    {
        static const QStringList words = {
            QStringLiteral("SELECT"), QStringLiteral("FROM"), QStringLiteral("WHERE"),
            QStringLiteral("ORDER"),  QStringLiteral("BY"),   QStringLiteral("LIMIT"),
            QStringLiteral("AND"),    QStringLiteral("OR"),   QStringLiteral("NOT"),
            QStringLiteral("IN"),     QStringLiteral("LIKE")};
        return t.kind == Token::Kind::Word && words.contains(t.text, Qt::CaseInsensitive);
    }

    bool tokenize()
    {
        static const QRegularExpression dateTime(QStringLiteral(
            "\\G\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?(Z|[+-]\\d{2}:?\\d{2})"));
        static const QRegularExpression date(QStringLiteral("\\G\\d{4}-\\d{2}-\\d{2}(?![\\w:])"));
        static const QRegularExpression number(QStringLiteral("\\G-?\\d+(\\.\\d+)?(?![\\w.])"));
        static const QRegularExpression word(QStringLiteral("\\G[A-Za-z_][A-Za-z0-9_.]*"));
        static const QRegularExpression sym(QStringLiteral("\\G(<=|>=|!=|<>|=|<|>|,|\\(|\\))"));
        qsizetype i = 0;
        while (i < m_text.size()) {
            if (m_text.at(i).isSpace()) {
                ++i;
                continue;
            }
            Token t;
            t.pos = i;
            if (m_text.at(i) == u'\'') {
                ++i;
                bool closed = false;
                while (i < m_text.size()) {
                    const QChar c = m_text.at(i);
                    if (c == u'\\' && i + 1 < m_text.size()) {
                        const QChar e = m_text.at(i + 1);
                        t.text += e == u'n' ? QChar(u'\n') : (e == u't' ? QChar(u'\t') : e);
                        i += 2;
                        continue;
                    }
                    ++i;
                    if (c == u'\'') {
                        closed = true;
                        break;
                    }
                    t.text += c;
                }
                if (!closed) {
                    t.kind = Token::Kind::Symbol;
                    m_tokens.push_back(t);
                    m_failToken = &m_tokens.back();
                    m_tokens.back().text = m_text.mid(t.pos);
                    return false;
                }
                t.kind = Token::Kind::String;
            } else {
                QRegularExpressionMatch m;
                if ((m = dateTime.match(m_text, i)).hasMatch())
                    t.kind = Token::Kind::DateTime;
                else if ((m = date.match(m_text, i)).hasMatch())
                    t.kind = Token::Kind::Date;
                else if ((m = number.match(m_text, i)).hasMatch())
                    t.kind = Token::Kind::Number;
                else if ((m = word.match(m_text, i)).hasMatch())
                    t.kind = Token::Kind::Word;
                else if ((m = sym.match(m_text, i)).hasMatch())
                    t.kind = Token::Kind::Symbol;
                else {
                    t.text = m_text.mid(i, 1);
                    t.kind = Token::Kind::Symbol;
                    m_tokens.push_back(t);
                    m_failToken = &m_tokens.back();
                    return false;
                }
                t.text = m.captured(0);
                i += m.capturedLength(0);
            }
            m_tokens.push_back(t);
        }
        Token end;
        end.pos = m_text.size();
        m_tokens.push_back(end);
        return true;
    }

    const Token &peekConst() const { return m_tokens[std::min(m_at, m_tokens.size() - 1)]; }
    const Token &peek() { return peekConst(); }
    const Token &next()
    {
        const Token &t = peekConst();
        if (m_at < m_tokens.size() - 1)
            ++m_at;
        return t;
    }
    bool keyword(const char *word)
    {
        if (peek().kind == Token::Kind::Word
            && peek().text.compare(QLatin1StringView(word), Qt::CaseInsensitive) == 0) {
            next();
            return true;
        }
        return false;
    }
    bool symbol(const char *s)
    {
        if (peek().kind == Token::Kind::Symbol && peek().text == QLatin1StringView(s)) {
            next();
            return true;
        }
        return false;
    }

    Result<FilterExpr> parseOr()
    {
        auto left = parseAnd();
        if (!left)
            return left;
        FilterExpr e = std::move(left).value();
        while (keyword("OR")) {
            auto right = parseAnd();
            if (!right)
                return right;
            e = FilterExpr::logical(Op::Or, std::move(e), std::move(right).value());
        }
        return e;
    }

    Result<FilterExpr> parseAnd()
    {
        auto left = parseUnary();
        if (!left)
            return left;
        FilterExpr e = std::move(left).value();
        while (keyword("AND")) {
            auto right = parseUnary();
            if (!right)
                return right;
            e = FilterExpr::logical(Op::And, std::move(e), std::move(right).value());
        }
        return e;
    }

    Result<FilterExpr> parseUnary()
    {
        if (keyword("NOT")) {
            auto inner = parseUnary();
            if (!inner)
                return inner;
            return FilterExpr::negation(std::move(inner).value());
        }
        if (symbol("(")) {
            auto inner = parseOr();
            if (!inner)
                return inner;
            if (!symbol(")"))
                return failAt(peek());
            return inner;
        }
        return parseComparison();
    }

    Result<FilterExpr> parseComparison()
    {
        if (peek().kind != Token::Kind::Word || isReserved(peek()))
            return failAt(peek());
        const QString field = next().text;
        static const QHash<QString, Op> ops = {
            {QStringLiteral("="), Op::Eq},  {QStringLiteral("!="), Op::Ne},
            {QStringLiteral("<>"), Op::Ne}, {QStringLiteral("<"), Op::Lt},
            {QStringLiteral("<="), Op::Le}, {QStringLiteral(">"), Op::Gt},
            {QStringLiteral(">="), Op::Ge}};
        if (peek().kind == Token::Kind::Symbol && ops.contains(peek().text)) {
            const Op op = ops.value(next().text);
            Literal lit;
            if (!literal(lit))
                return failAt(peek());
            return FilterExpr::comparison(op, field, {lit});
        }
        if (keyword("LIKE")) {
            Literal lit;
            if (peek().kind != Token::Kind::String || !literal(lit))
                return failAt(peek());
            return FilterExpr::comparison(Op::Like, field, {lit});
        }
        const bool negated = keyword("NOT");
        if (keyword("IN")) {
            if (!symbol("("))
                return failAt(peek());
            std::vector<Literal> values;
            do {
                Literal lit;
                if (!literal(lit))
                    return failAt(peek());
                values.push_back(lit);
            } while (symbol(","));
            if (!symbol(")"))
                return failAt(peek());
            return FilterExpr::comparison(negated ? Op::NotIn : Op::In, field, values);
        }
        return failAt(peek());
    }

    bool literal(Literal &lit)
    {
        const Token &t = peek();
        switch (t.kind) {
        case Token::Kind::String:
            lit.kind = Literal::Kind::String;
            lit.text = t.text;
            break;
        case Token::Kind::Number: {
            bool ok = false;
            lit.kind = Literal::Kind::Number;
            lit.number = t.text.toDouble(&ok);
            if (!ok)
                return false;
            break;
        }
        case Token::Kind::DateTime:
        case Token::Kind::Date:
            lit.kind = t.kind == Token::Kind::Date ? Literal::Kind::Date : Literal::Kind::DateTime;
            lit.dateTime = FilterExpr::parseWireDateTime(t.text);
            if (!lit.dateTime.isValid())
                return false;
            break;
        case Token::Kind::Word:
            if (t.text.compare(u"null", Qt::CaseInsensitive) == 0) {
                lit.kind = Literal::Kind::Null;
            } else if (t.text.compare(u"true", Qt::CaseInsensitive) == 0
                       || t.text.compare(u"false", Qt::CaseInsensitive) == 0) {
                lit.kind = Literal::Kind::Bool;
                lit.boolean = t.text.compare(u"true", Qt::CaseInsensitive) == 0;
            } else {
                return false;
            }
            break;
        case Token::Kind::Symbol:
        case Token::Kind::End:
            return false;
        }
        next();
        return true;
    }

    QString m_text;
    std::vector<Token> m_tokens;
    size_t m_at = 0;
    const Token *m_failToken = nullptr;
};

} // namespace

Result<SoqlQuery> SoqlParser::parse(const QString &text)
{
    return Parser(text).run();
}

} // namespace cosell::sandbox
