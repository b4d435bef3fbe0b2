// SPDX-License-Identifier: MIT
#include "app/sandbox/dataverse/odatafilterparser.h"

#include <QRegularExpression>

namespace cosell::sandbox {
namespace {

struct Token
{
    enum class Kind { Ident, String, Number, Guid, DateTime, Date, LParen, RParen, Comma, End };
    Kind kind = Kind::End;
    QString text;
    qsizetype pos = 0;
};

using Literal = FilterExpr::Literal;

class Parser
{
public:
    explicit Parser(const QString &text)
        : m_text(text)
    { }

    Result<FilterExpr> run()
    {
        if (!tokenize())
            return fail();
        auto e = parseOr();
        if (!e)
            return e;
        if (peek().kind != Token::Kind::End) {
            m_errorPos = peek().pos;
            return fail();
        }
        return e;
    }

private:
    Error fail() const
    {
        Error e;
        e.kind = Error::Kind::Invalid;
        e.code = QStringLiteral("0x80060888");
        e.message =
            QStringLiteral("Syntax error at position %1 in '%2'.").arg(m_errorPos).arg(m_text);
        return e;
    }

    bool tokenize()
    {
        static const QRegularExpression guid(
            QStringLiteral("\\G[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-"
                           "fA-F]{12}(?![\\w-])"));
        static const QRegularExpression dateTime(QStringLiteral(
            "\\G\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,7})?)?(Z|[+-]\\d{2}:\\d{2})"));
        static const QRegularExpression date(QStringLiteral("\\G\\d{4}-\\d{2}-\\d{2}(?![\\w:-])"));
        static const QRegularExpression number(
            QStringLiteral("\\G-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?[mMdDfFlL]?(?![\\w.])"));
        static const QRegularExpression ident(QStringLiteral("\\G[A-Za-z_][A-Za-z0-9_./]*"));
        qsizetype i = 0;
        while (i < m_text.size()) {
            const QChar c = m_text.at(i);
            if (c.isSpace()) {
                ++i;
                continue;
            }
            Token t;
            t.pos = i;
            if (c == u'(' || c == u')' || c == u',') {
                t.kind = c == u'(' ? Token::Kind::LParen
                                   : (c == u')' ? Token::Kind::RParen : Token::Kind::Comma);
                ++i;
            } else if (c == u'\'') {
                QString s;
                ++i;
                bool closed = false;
                while (i < m_text.size()) {
                    if (m_text.at(i) == u'\'') {
                        if (i + 1 < m_text.size() && m_text.at(i + 1) == u'\'') {
                            s += u'\'';
                            i += 2;
                            continue;
                        }
                        closed = true;
                        ++i;
                        break;
                    }
                    s += m_text.at(i++);
                }
                if (!closed) {
                    m_errorPos = t.pos;
                    return false;
                }
                t.kind = Token::Kind::String;
                t.text = s;
            } else {
                QRegularExpressionMatch m;
                if ((m = guid.match(m_text, i)).hasMatch())
                    t.kind = Token::Kind::Guid;
                else if ((m = dateTime.match(m_text, i)).hasMatch())
                    t.kind = Token::Kind::DateTime;
                else if ((m = date.match(m_text, i)).hasMatch())
                    t.kind = Token::Kind::Date;
                else if ((m = number.match(m_text, i)).hasMatch())
                    t.kind = Token::Kind::Number;
                else if ((m = ident.match(m_text, i)).hasMatch())
                    t.kind = Token::Kind::Ident;
                else {
                    m_errorPos = i;
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

    const Token &peek() const { return m_tokens[m_at]; }
    const Token &next() { return m_tokens[m_at < m_tokens.size() - 1 ? m_at++ : m_at]; }
    bool isWord(const Token &t, QLatin1StringView w) const
    {
        return t.kind == Token::Kind::Ident && t.text.compare(w, Qt::CaseSensitive) == 0;
    }

    Result<FilterExpr> parseOr()
    {
        auto left = parseAnd();
        if (!left)
            return left;
        FilterExpr e = std::move(left).value();
        while (isWord(peek(), QLatin1StringView("or"))) {
            next();
            auto right = parseAnd();
            if (!right)
                return right;
            e = FilterExpr::logical(FilterExpr::Op::Or, std::move(e), std::move(right).value());
        }
        return e;
    }

    Result<FilterExpr> parseAnd()
    {
        auto left = parseUnary();
        if (!left)
            return left;
        FilterExpr e = std::move(left).value();
        while (isWord(peek(), QLatin1StringView("and"))) {
            next();
            auto right = parseUnary();
            if (!right)
                return right;
            e = FilterExpr::logical(FilterExpr::Op::And, std::move(e), std::move(right).value());
        }
        return e;
    }

    Result<FilterExpr> parseUnary()
    {
        if (isWord(peek(), QLatin1StringView("not"))) {
            next();
            auto inner = parseUnary();
            if (!inner)
                return inner;
            return FilterExpr::negation(std::move(inner).value());
        }
        return parsePrimary();
    }

    Result<FilterExpr> errorAt(const Token &t)
    {
        m_errorPos = t.pos;
        return fail();
    }

    Result<FilterExpr> parsePrimary()
    {
        const Token t = next();
        if (t.kind == Token::Kind::LParen) {
            auto inner = parseOr();
            if (!inner)
                return inner;
            if (next().kind != Token::Kind::RParen)
                return errorAt(m_tokens[m_at - 1]);
            return inner;
        }
        if (t.kind != Token::Kind::Ident)
            return errorAt(t);
        if (peek().kind == Token::Kind::LParen)
            return parseFunction(t);
        const Token op = next();
        static const QHash<QString, FilterExpr::Op> ops = {
            {QStringLiteral("eq"), FilterExpr::Op::Eq}, {QStringLiteral("ne"), FilterExpr::Op::Ne},
            {QStringLiteral("gt"), FilterExpr::Op::Gt}, {QStringLiteral("ge"), FilterExpr::Op::Ge},
            {QStringLiteral("lt"), FilterExpr::Op::Lt}, {QStringLiteral("le"), FilterExpr::Op::Le}};
        if (op.kind != Token::Kind::Ident || !ops.contains(op.text))
            return errorAt(op);
        const Token value = next();
        Literal lit;
        if (!toLiteral(value, lit))
            return errorAt(value);
        return FilterExpr::comparison(ops.value(op.text), t.text, {lit});
    }

    Result<FilterExpr> parseFunction(const Token &name)
    {
        const QString fn = name.text.toLower();
        if (fn != u"contains" && fn != u"startswith" && fn != u"endswith")
            return errorAt(name);
        next(); // (
        const Token field = next();
        if (field.kind != Token::Kind::Ident || next().kind != Token::Kind::Comma)
            return errorAt(field);
        const Token value = next();
        if (value.kind != Token::Kind::String || next().kind != Token::Kind::RParen)
            return errorAt(value);
        Literal lit;
        lit.kind = Literal::Kind::String;
        lit.text = (fn == u"startswith" ? QString() : QStringLiteral("%")) + value.text
            + (fn == u"endswith" ? QString() : QStringLiteral("%"));
        return FilterExpr::comparison(FilterExpr::Op::Like, field.text, {lit});
    }

    static bool toLiteral(const Token &t, Literal &lit)
    {
        switch (t.kind) {
        case Token::Kind::String:
            lit.kind = Literal::Kind::String;
            lit.text = t.text;
            return true;
        case Token::Kind::Guid:
            lit.kind = Literal::Kind::Guid;
            lit.text = t.text.toLower();
            return true;
        case Token::Kind::Number: {
            QString n = t.text;
            if (n.back().isLetter())
                n.chop(1);
            bool ok = false;
            lit.kind = Literal::Kind::Number;
            lit.number = n.toDouble(&ok);
            return ok;
        }
        case Token::Kind::DateTime:
        case Token::Kind::Date:
            lit.kind = t.kind == Token::Kind::Date ? Literal::Kind::Date : Literal::Kind::DateTime;
            lit.dateTime = FilterExpr::parseWireDateTime(t.text);
            return lit.dateTime.isValid();
        case Token::Kind::Ident:
            if (t.text == u"null") {
                lit.kind = Literal::Kind::Null;
                return true;
            }
            if (t.text == u"true" || t.text == u"false") {
                lit.kind = Literal::Kind::Bool;
                lit.boolean = t.text == u"true";
                return true;
            }
            return false;
        case Token::Kind::LParen:
        case Token::Kind::RParen:
        case Token::Kind::Comma:
        case Token::Kind::End:
            return false;
        }
        return false;
    }

    QString m_text;
    std::vector<Token> m_tokens;
    size_t m_at = 0;
    qsizetype m_errorPos = 0;
};

} // namespace

Result<FilterExpr> ODataFilterParser::parse(const QString &text)
{
    return Parser(text).run();
}

} // namespace cosell::sandbox
