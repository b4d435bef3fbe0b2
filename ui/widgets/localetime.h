// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QString>
#include <QTime>

// Short dates and times in the UI locale (QLocale()), for tables, status lines and editors.
// Qt 6.4 takes CLDR's short time patterns as they are, and does not know the day-period letter
// "B" that zh_TW uses ("Bh:mm"): it would print a literal "B". The AM/PM marker ("AP": 上午,
// 下午) says the same thing and Qt knows it.
namespace cosell::LocaleTime {

QString shortTimeFormat();
QString shortDateTimeFormat();
QString shortTime(QTime time);
// `when` in local time.
QString shortDateTime(const QDateTime &when);

} // namespace cosell::LocaleTime
