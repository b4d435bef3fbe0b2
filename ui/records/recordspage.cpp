// SPDX-License-Identifier: MIT
#include "ui/records/recordspage.h"

#include "ui/widgets/comingsoonpanel.h"

#include <QVBoxLayout>

namespace cosell {

RecordsPage::RecordsPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("recordsPage"));
    auto *panel = new ComingSoonPanel(this);
    panel->setContent(tr("Records"),
                      tr("Every Partner Center referral and CRM opportunity, linked or not, with "
                         "its sync status."),
                      {tr("search and filter referrals and opportunities by customer, status, CRM "
                          "system and date"),
                       tr("see each referral beside its opportunity, field by field, with the "
                          "differences highlighted"),
                       tr("sync a single record now, retry a failed write or turn sync off for it"),
                       tr("open a record in Partner Center or in the CRM")});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(panel);
}

} // namespace cosell
