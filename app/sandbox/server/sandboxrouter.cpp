// SPDX-License-Identifier: MIT
#include "app/sandbox/server/sandboxrouter.h"

#include <QStringTokenizer>

namespace cosell::sandbox {

void SandboxRouter::add(SandboxService *service, const QByteArray &method, const QString &pattern,
                        const RouteAuth &auth, Handler handler)
{
    const QByteArray upper = method.toUpper();
    m_routes.append(Route {upper, pattern, auth, std::move(handler), service,
                           QString::fromLatin1(upper) + u' ' + pattern});
    m_compiled.append(compile(pattern));
    const Compiled &compiled = m_compiled.constLast();
    const int index = int(m_routes.size() - 1);
    if (!compiled.segments.isEmpty() && compiled.segments.first().name.isEmpty())
        m_byFirstSegment[compiled.segments.first().prefix].append(index);
    else
        m_otherFirst.append(index);
}

SandboxRouter::Compiled SandboxRouter::compile(const QString &pattern)
{
    Compiled compiled;
    const QStringList parts = pattern.split(u'/', Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        Segment segment;
        const qsizetype open = part.indexOf(u'{');
        const qsizetype close = part.indexOf(u'}');
        if (open < 0 || close < open) {
            segment.prefix = part;
            ++compiled.literalCount;
        } else {
            segment.prefix = part.left(open);
            segment.name = part.mid(open + 1, close - open - 1);
            segment.suffix = part.mid(close + 1);
            if (segment.name.endsWith(u'*')) {
                segment.name.chop(1);
                segment.rest = true;
            }
        }
        compiled.segments.append(segment);
    }
    return compiled;
}

bool SandboxRouter::matches(const Compiled &compiled, const Parts &parts,
                            QHash<QString, QString> *params)
{
    QHash<QString, QString> captures;
    const auto &segments = compiled.segments;
    if (segments.size() > parts.size()
        || (segments.size() < parts.size() && (segments.isEmpty() || !segments.last().rest)))
        return false;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const Segment &segment = segments.at(i);
        if (segment.rest) {
            QString rest = parts.at(i).toString();
            for (qsizetype j = i + 1; j < parts.size(); ++j)
                rest += u'/' + parts.at(j);
            captures.insert(segment.name, rest);
            *params = std::move(captures);
            return true;
        }
        const QStringView part = parts.at(i);
        if (segment.name.isEmpty()) {
            if (part != segment.prefix)
                return false;
            continue;
        }
        if (part.size() <= segment.prefix.size() + segment.suffix.size()
            || !part.startsWith(segment.prefix) || !part.endsWith(segment.suffix)) {
            return false;
        }
        captures.insert(segment.name,
                        part.mid(segment.prefix.size(),
                                 part.size() - segment.prefix.size() - segment.suffix.size())
                            .toString());
    }
    *params = std::move(captures);
    return true;
}

const SandboxRouter::Route *SandboxRouter::match(const QByteArray &method, const QString &path,
                                                 QHash<QString, QString> *params,
                                                 bool *pathKnown) const
{
    Parts parts;
    for (const QStringView part : QStringTokenizer(path, u'/', Qt::SkipEmptyParts))
        parts.append(part);
    static const QList<int> none;
    const QList<int> &bucket =
        parts.isEmpty() ? none : m_byFirstSegment.value(parts.first().toString(), none);
    const Route *best = nullptr;
    int bestScore = -1;
    *pathKnown = false;
    // Both lists are ascending: walk them merged so registration order still breaks ties.
    qsizetype b = 0, o = 0;
    while (b < bucket.size() || o < m_otherFirst.size()) {
        const bool fromBucket =
            o >= m_otherFirst.size() || (b < bucket.size() && bucket.at(b) < m_otherFirst.at(o));
        const int i = fromBucket ? bucket.at(b++) : m_otherFirst.at(o++);
        QHash<QString, QString> captures;
        if (!matches(m_compiled.at(i), parts, &captures))
            continue;
        *pathKnown = true;
        if (m_routes.at(i).method != method)
            continue;
        const int score = m_compiled.at(i).literalCount;
        if (score > bestScore) {
            best = &m_routes.at(i);
            bestScore = score;
            *params = std::move(captures);
        }
    }
    return best;
}

} // namespace cosell::sandbox
