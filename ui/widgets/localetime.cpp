// SPDX-License-Identifier: MIT
#include "ui/widgets/localetime.h"

#include <QLocale>

namespace cosell::LocaleTime {

QString shortTimeFormat()
{
    QString format = QLocale().timeFormat(QLocale::ShortFormat);
    return format.replace(QLatin1Char('B'), QLatin1String("AP"));
}

QString shortDateTimeFormat()
{
    return QLocale().dateFormat(QLocale::ShortFormat) + u' ' + shortTimeFormat();
}

QString shortTime(QTime time)
{
    return QLocale().toString(time, shortTimeFormat());
}

QString shortDateTime(const QDateTime &when)
{
    return QLocale().toString(when.toLocalTime(), shortDateTimeFormat());
}

} // namespace cosell::LocaleTime
