// SPDX-License-Identifier: MIT
#include "core/util/cachelocation.h"

#include <QDir>
#include <QStandardPaths>

namespace cosell {

QString defaultCachePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir + QStringLiteral("/cache.sqlite");
}

} // namespace cosell
