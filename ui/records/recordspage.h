// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

namespace cosell {

// Records: referrals and opportunities side by side (issue: records view). For now a page
// that says what it will do.
class RecordsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordsPage)

public:
    explicit RecordsPage(QWidget *parent = nullptr);
};

} // namespace cosell
