// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

namespace cosell {

// Conflicts: fields both sides changed, waiting for a person. For now a page that says
// what it will do.
class ConflictsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConflictsPage)

public:
    explicit ConflictsPage(QWidget *parent = nullptr);
};

} // namespace cosell
