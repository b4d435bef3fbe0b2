// SPDX-License-Identifier: MIT
#include "ui/audit/auditpage.h"

#include "ui/widgets/comingsoonpanel.h"

#include <QVBoxLayout>

namespace cosell {

AuditPage::AuditPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("auditPage"));
    auto *panel = new ComingSoonPanel(this);
    panel->setContent(tr("Audit trail"),
                      tr("Every sync decision and every write, with the value before and after, in "
                         "a tamper-evident log."),
                      {tr("filter entries by record, field, user, time and outcome"),
                       tr("see the request ids of each write for support cases"),
                       tr("verify that no entry was edited or removed"),
                       tr("export entries for a review")});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(panel);
}

} // namespace cosell
