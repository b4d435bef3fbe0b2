// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

namespace cosell {

// Audit trail: the hash-chained record of every decision and write. For now a page that
// says what it will do.
class AuditPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditPage)

public:
    explicit AuditPage(QWidget *parent = nullptr);
};

} // namespace cosell
