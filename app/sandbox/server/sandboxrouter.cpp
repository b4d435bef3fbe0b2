// SPDX-License-Identifier: MIT
#include "app/sandbox/server/sandboxrouter.h"

namespace cosell::sandbox {

void SandboxRouter::add(SandboxService *service, const QByteArray &method, const QString &pattern,
                        const RouteAuth &auth, Handler handler)
{
    m_routes.append(Route{method.toUpper(), pattern, auth, std::move(handler), service});
    m_compiled.append(compile(pattern));
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

bool SandboxRouter::matches(const Compiled &compiled, const QStringList &parts,
                            QHash<QString, QString> *params)
{
    QHash<QString, QString> captures;
    const auto &segments = compiled.segments;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const Segment &segment = segments.at(i);
        if (segment.rest) {
            if (i >= parts.size())
                return false;
            captures.insert(segment.name, parts.mid(i).join(u'/'));
            *params = captures;
            return true;
        }
        if (i >= parts.size())
            return false;
        const QString &part = parts.at(i);
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
                                 part.size() - segment.prefix.size() - segment.suffix.size()));
    }
    if (segments.size() != parts.size())
        return false;
    *params = captures;
    return true;
}

const SandboxRouter::Route *SandboxRouter::match(const QByteArray &method, const QString &path,
                                                 QHash<QString, QString> *params,
                                                 bool *pathKnown) const
{
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    const Route *best = nullptr;
    int bestScore = -1;
    *pathKnown = false;
    for (qsizetype i = 0; i < m_routes.size(); ++i) {
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
            *params = captures;
        }
    }
    return best;
}

} // namespace cosell::sandbox
