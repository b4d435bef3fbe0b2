// SPDX-License-Identifier: MIT
#include "core/sync/namemark.h"

#include "core/mapping/mappingspec.h"

namespace cosell {

NameMark::NameMark(QString ok, QString failed)
    : m_ok(std::move(ok))
    , m_failed(std::move(failed))
{ }

NameMark NameMark::fromSpec(const MappingSpec &spec)
{
    const NameMark defaults;
    const QString ok = spec.settings().value(QLatin1String("checkMarkOk")).toString().trimmed();
    const QString failed =
        spec.settings().value(QLatin1String("checkMarkFailed")).toString().trimmed();
    return NameMark(ok.isEmpty() ? defaults.ok() : ok,
                    failed.isEmpty() ? defaults.failed() : failed);
}

namespace {

QString withoutTrailingSpace(QString text)
{
    while (!text.isEmpty() && text.back().isSpace())
        text.chop(1);
    return text;
}

} // namespace

QString NameMark::strip(const QString &name) const
{
    // Marks may have piled up (several writers, a changed mark setting): take them all off.
    QString out = withoutTrailingSpace(name);
    bool marked = false;
    for (bool again = true; again;) {
        again = false;
        for (const QString *mark : {&m_ok, &m_failed}) {
            if (!mark->isEmpty() && out.endsWith(*mark)) {
                out = withoutTrailingSpace(out.chopped(mark->size()));
                again = marked = true;
            }
        }
    }
    return marked ? out : name;
}

QString NameMark::with(const QString &name, const QString &mark) const
{
    const QString bare = strip(name);
    return bare.isEmpty() ? mark : bare + u' ' + mark;
}

} // namespace cosell
