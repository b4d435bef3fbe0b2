// SPDX-License-Identifier: MIT
#include "ui/mapping/mappingpage.h"

#include "ui/widgets/comingsoonpanel.h"

#include <QVBoxLayout>

namespace cosell {

MappingPage::MappingPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("mappingPage"));
    auto *panel = new ComingSoonPanel(this);
    panel->setContent(
        tr("Field mapping"),
        tr("Decide which referral fields go to which CRM fields, in which direction and how values "
           "are converted."),
        {tr("start from the default mapping for Dynamics 365 or Salesforce"),
         tr("set the direction, the transform and the conflict policy of each field"),
         tr("check the mapping against your CRM before it is used, with clear messages"),
         tr("preview what a change would do to existing records")});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(panel);
}

} // namespace cosell
