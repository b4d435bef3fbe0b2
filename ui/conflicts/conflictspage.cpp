// SPDX-License-Identifier: MIT
#include "ui/conflicts/conflictspage.h"

#include "ui/widgets/comingsoonpanel.h"

#include <QVBoxLayout>

namespace cosell {

ConflictsPage::ConflictsPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("conflictsPage"));
    auto *panel = new ComingSoonPanel(this);
    panel->setContent(
        tr("Conflicts"),
        tr("Fields that changed on both sides since the last sync wait here for you to decide."),
        {tr("see the base value, the Partner Center value and the CRM value of each conflicting "
            "field"),
         tr("keep one side or enter a new value, for one field or for many at once"),
         tr("see who resolved each conflict and when, in the audit trail")});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(panel);
}

} // namespace cosell
