// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QtGlobal>

// Reads tests/data/<name> from the source tree (COSELL_SOURCE_DIR is set by CTest; the
// compile-time fallback lets the binary run by hand). Empty on failure.
inline QByteArray readTestData(const QString &name)
{
    QString root = qEnvironmentVariable("COSELL_SOURCE_DIR");
    if (root.isEmpty())
        root = QStringLiteral(COSELL_SOURCE_DIR_FALLBACK);
    QFile file(root + QStringLiteral("/tests/data/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}
