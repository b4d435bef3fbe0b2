// SPDX-License-Identifier: MIT
#include "app/sandbox/partnercenter/referralfilter.h"

#include <QDateTime>

namespace cosell::sandbox {

struct ReferralFilter::Node
{
    enum class Kind { And, Or, Not, Compare, AnyTeamEmail };
    Kind kind = Kind::Compare;
    std::vector<std::shared_ptr<const Node>> children;
    QString field; // canonical field name
    QString op; // eq ne gt ge lt le
    QString value; // normalized literal; isNull() for the null literal
    bool dateTime = false;
    bool caseInsensitive = false;
};

namespace {

using NodePtr = std::shared_ptr<const ReferralFilter::Node>;
using Node = ReferralFilter::Node;

struct Token
{
    enum class Type { Word, String, LParen, RParen, Colon, End };
    Type type = Type::End;
    QString text;
};

const QStringList &fields()
{
    static const QStringList list {QStringLiteral("id"),
                                   QStringLiteral("engagementId"),
                                   QStringLiteral("name"),
                                   QStringLiteral("status"),
                                   QStringLiteral("substatus"),
                                   QStringLiteral("type"),
                                   QStringLiteral("qualification"),
                                   QStringLiteral("direction"),
                                   QStringLiteral("externalReferenceId"),
                                   QStringLiteral("createdDateTime"),
                                   QStringLiteral("updatedDateTime"),
                                   QStringLiteral("customerProfile/address/country")};
    return list;
}

bool isEnumField(const QString &field)
{
    return field == u"status" || field == u"substatus" || field == u"type"
        || field == u"qualification" || field == u"direction";
}

class Parser
{
public:
    explicit Parser(const QString &text)
        : m_text(text)
    {
        advance();
    }

    NodePtr parseExpression()
    {
        NodePtr left = parseAnd();
        while (m_error.isEmpty() && isWord(u"or")) {
            advance();
            NodePtr right = parseAnd();
            left = combine(Node::Kind::Or, left, right);
        }
        return left;
    }
    bool atEnd() const { return m_token.type == Token::Type::End; }
    QString error() const { return m_error; }
    void fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
    }

private:
    static NodePtr combine(Node::Kind kind, NodePtr a, NodePtr b)
    {
        auto node = std::make_shared<Node>();
        node->kind = kind;
        node->children = {std::move(a), std::move(b)};
        return node;
    }
    bool isWord(QStringView word) const
    {
        return m_token.type == Token::Type::Word
            && m_token.text.compare(word, Qt::CaseInsensitive) == 0;
    }

    NodePtr parseAnd()
    {
        NodePtr left = parseUnary();
        while (m_error.isEmpty() && isWord(u"and")) {
            advance();
            NodePtr right = parseUnary();
            left = combine(Node::Kind::And, left, right);
        }
        return left;
    }

    NodePtr parseUnary()
    {
        if (isWord(u"not")) {
            advance();
            auto node = std::make_shared<Node>();
            node->kind = Node::Kind::Not;
            node->children = {parseUnary()};
            return node;
        }
        if (m_token.type == Token::Type::LParen) {
            advance();
            NodePtr inner = parseExpression();
            if (m_token.type != Token::Type::RParen)
                fail(QStringLiteral("missing ')'"));
            advance();
            return inner;
        }
        if (m_token.type != Token::Type::Word) {
            fail(QStringLiteral("expected a field name"));
            return std::make_shared<Node>();
        }
        const QString field = m_token.text;
        advance();
        if (field.compare(QStringLiteral("team/any"), Qt::CaseInsensitive) == 0)
            return parseAny();
        return parseComparison(field);
    }

    NodePtr parseAny()
    {
        // team/any(t:t/email eq 'x')
        if (m_token.type != Token::Type::LParen) {
            fail(QStringLiteral("expected '(' after any"));
            return std::make_shared<Node>();
        }
        advance();
        if (m_token.type != Token::Type::Word) {
            fail(QStringLiteral("expected a lambda variable"));
            return std::make_shared<Node>();
        }
        const QString variable = m_token.text;
        advance();
        if (m_token.type != Token::Type::Colon) {
            fail(QStringLiteral("expected ':' in any()"));
            return std::make_shared<Node>();
        }
        advance();
        if (m_token.type != Token::Type::Word
            || m_token.text.compare(variable + QStringLiteral("/email"), Qt::CaseInsensitive)
                != 0) {
            fail(QStringLiteral("any() supports only <var>/email"));
            return std::make_shared<Node>();
        }
        advance();
        auto node = std::const_pointer_cast<Node>(parseComparison(QStringLiteral("id")));
        node->kind = Node::Kind::AnyTeamEmail;
        node->field = QStringLiteral("team/email");
        node->caseInsensitive = true;
        if (m_token.type != Token::Type::RParen)
            fail(QStringLiteral("missing ')' after any()"));
        advance();
        return node;
    }

    NodePtr parseComparison(const QString &rawField)
    {
        auto node = std::make_shared<Node>();
        for (const QString &known : fields()) {
            if (known.compare(rawField, Qt::CaseInsensitive) == 0)
                node->field = known;
        }
        if (node->field.isEmpty()) {
            fail(QStringLiteral("Could not find a property named '%1' on type 'Referral'.")
                     .arg(rawField));
            return node;
        }
        static const QStringList ops {QStringLiteral("eq"), QStringLiteral("ne"),
                                      QStringLiteral("gt"), QStringLiteral("ge"),
                                      QStringLiteral("lt"), QStringLiteral("le")};
        if (m_token.type != Token::Type::Word || !ops.contains(m_token.text.toLower())) {
            fail(QStringLiteral("expected a comparison operator after '%1'").arg(rawField));
            return node;
        }
        node->op = m_token.text.toLower();
        advance();
        node->dateTime = node->field.endsWith(QStringLiteral("DateTime"));
        node->caseInsensitive = isEnumField(node->field);
        if (m_token.type == Token::Type::String) {
            node->value = m_token.text;
        } else if (m_token.type == Token::Type::Word && m_token.text == u"null") {
            node->value = QString();
        } else if (m_token.type == Token::Type::Word) {
            node->value = m_token.text;
        } else {
            fail(QStringLiteral("expected a literal"));
            return node;
        }
        advance();
        if (node->dateTime && !node->value.isNull()) {
            const QString normalized = ReferralFilter::normalizeDateTime(node->value);
            if (normalized.isEmpty()) {
                fail(QStringLiteral("'%1' is not a valid DateTimeOffset literal").arg(node->value));
                return node;
            }
            node->value = normalized;
        }
        return node;
    }

    void advance()
    {
        while (m_pos < m_text.size() && m_text.at(m_pos).isSpace())
            ++m_pos;
        if (m_pos >= m_text.size()) {
            m_token = {Token::Type::End, QString()};
            return;
        }
        const QChar c = m_text.at(m_pos);
        if (c == u'(' || c == u')' || c == u':') {
            ++m_pos;
            m_token = {c == u'('       ? Token::Type::LParen
                           : c == u')' ? Token::Type::RParen
                                       : Token::Type::Colon,
                       QString(c)};
            return;
        }
        if (c == u'\'') {
            QString value;
            ++m_pos;
            while (true) {
                if (m_pos >= m_text.size()) {
                    fail(QStringLiteral("unterminated string literal"));
                    m_token = {Token::Type::End, QString()};
                    return;
                }
                const QChar ch = m_text.at(m_pos++);
                if (ch == u'\'') {
                    if (m_pos < m_text.size() && m_text.at(m_pos) == u'\'') {
                        value += u'\'';
                        ++m_pos;
                        continue;
                    }
                    break;
                }
                value += ch;
            }
            m_token = {Token::Type::String, value.isNull() ? QStringLiteral("") : value};
            return;
        }
        const qsizetype start = m_pos;
        while (m_pos < m_text.size()) {
            const QChar ch = m_text.at(m_pos);
            // ':' belongs to a word only inside a time literal (digits around it).
            if (ch == u':' && m_pos > start && m_text.at(m_pos - 1).isDigit()) {
                ++m_pos;
                continue;
            }
            if (ch.isSpace() || ch == u'(' || ch == u')' || ch == u'\'' || ch == u':')
                break;
            ++m_pos;
        }
        if (m_pos == start) {
            fail(QStringLiteral("unexpected character '%1'").arg(c));
            ++m_pos;
        }
        m_token = {Token::Type::Word, m_text.mid(start, m_pos - start)};
    }

    QString m_text;
    qsizetype m_pos = 0;
    Token m_token;
    QString m_error;
};

QString fieldValue(const ReferralRow &row, const QString &field)
{
    if (field == u"id")
        return row.id;
    if (field == u"engagementId")
        return row.engagementId;
    if (field == u"name")
        return row.name;
    if (field == u"status")
        return row.status;
    if (field == u"substatus")
        return row.substatus;
    if (field == u"type")
        return row.type;
    if (field == u"qualification")
        return row.qualification;
    if (field == u"direction")
        return row.direction;
    if (field == u"externalReferenceId")
        return row.externalReferenceId;
    if (field == u"createdDateTime")
        return row.createdDateTime;
    if (field == u"updatedDateTime")
        return row.updatedDateTime;
    if (field == u"customerProfile/address/country")
        return row.country;
    return QString();
}

bool compare(const QString &actual, const Node &node)
{
    if (node.value.isNull()) {
        const bool isNull = actual.isEmpty();
        return node.op == u"eq" ? isNull : node.op == u"ne" ? !isNull : false;
    }
    const int c =
        actual.compare(node.value, node.caseInsensitive ? Qt::CaseInsensitive : Qt::CaseSensitive);
    if (node.op == u"eq")
        return c == 0;
    if (node.op == u"ne")
        return c != 0;
    if (actual.isEmpty())
        return false;
    if (node.op == u"gt")
        return c > 0;
    if (node.op == u"ge")
        return c >= 0;
    if (node.op == u"lt")
        return c < 0;
    return c <= 0;
}

bool evaluate(const Node &node, const ReferralRow &row)
{
    switch (node.kind) {
    case Node::Kind::And:
        return evaluate(*node.children[0], row) && evaluate(*node.children[1], row);
    case Node::Kind::Or:
        return evaluate(*node.children[0], row) || evaluate(*node.children[1], row);
    case Node::Kind::Not:
        return !evaluate(*node.children[0], row);
    case Node::Kind::Compare:
        return compare(fieldValue(row, node.field), node);
    case Node::Kind::AnyTeamEmail:
        for (const QString &email : row.teamEmails) {
            if (compare(email, node))
                return true;
        }
        return false;
    }
    return false;
}

void collectHints(const Node &node, QString *updated, QString *external, QString *engagement)
{
    if (node.kind == Node::Kind::And) {
        collectHints(*node.children[0], updated, external, engagement);
        collectHints(*node.children[1], updated, external, engagement);
        return;
    }
    if (node.kind != Node::Kind::Compare || node.value.isNull())
        return;
    if (node.field == u"updatedDateTime"
        && (node.op == u"ge" || node.op == u"gt" || node.op == u"eq"))
        *updated = qMax(*updated, node.value);
    if (node.field == u"externalReferenceId" && node.op == u"eq")
        *external = node.value;
    if (node.field == u"engagementId" && node.op == u"eq")
        *engagement = node.value;
}

} // namespace

ReferralFilter::ReferralFilter() = default;
ReferralFilter::ReferralFilter(ReferralFilter &&) noexcept = default;
ReferralFilter &ReferralFilter::operator=(ReferralFilter &&) noexcept = default;
ReferralFilter::~ReferralFilter() = default;

QString ReferralFilter::normalizeDateTime(const QString &literal)
{
    // Keep up to 7 fractional digits from the literal; QDateTime only holds milliseconds.
    QString fraction = QStringLiteral("0000000");
    QString withoutFraction = literal;
    const qsizetype dot = literal.indexOf(u'.');
    if (dot > 0) {
        qsizetype end = dot + 1;
        while (end < literal.size() && literal.at(end).isDigit())
            ++end;
        fraction = QString(literal.mid(dot + 1, end - dot - 1) + QStringLiteral("0000000")).left(7);
        withoutFraction = literal.left(dot) + literal.mid(end);
    }
    QDateTime parsed = QDateTime::fromString(withoutFraction, Qt::ISODate);
    if (!parsed.isValid() && literal.size() == 10)
        parsed = QDateTime(QDate::fromString(literal, Qt::ISODate), QTime(0, 0), Qt::UTC);
    if (!parsed.isValid() || (parsed.timeSpec() == Qt::LocalTime && literal.size() != 10))
        return QString();
    return parsed.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.")) + fraction + u'Z';
}

std::optional<ReferralFilter> ReferralFilter::parse(const QString &text, QString *error)
{
    Parser parser(text);
    NodePtr root = parser.parseExpression();
    if (parser.error().isEmpty() && !parser.atEnd())
        parser.fail(QStringLiteral("unexpected text after the expression"));
    if (!parser.error().isEmpty()) {
        *error = QStringLiteral("Invalid $filter: ") + parser.error();
        return std::nullopt;
    }
    ReferralFilter filter;
    filter.m_root = root;
    collectHints(*root, &filter.m_updatedLowerBound, &filter.m_externalReferenceId,
                 &filter.m_engagementId);
    return filter;
}

bool ReferralFilter::matches(const ReferralRow &row) const
{
    return !m_root || evaluate(*m_root, row);
}

} // namespace cosell::sandbox
