// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace cosell {

// Where the cache database lives unless --cache says otherwise:
// QStandardPaths::AppDataLocation/cache.sqlite (created on demand).
QString defaultCachePath();

} // namespace cosell
