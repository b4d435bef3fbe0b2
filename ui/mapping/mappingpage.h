// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

namespace cosell {

// Field mapping: the editor of the active MappingSpec. For now a page that says what it
// will do.
class MappingPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MappingPage)

public:
    explicit MappingPage(QWidget *parent = nullptr);
};

} // namespace cosell
