// SPDX-License-Identifier: MIT
#include "ui/wizard/welcomepage.h"

#include "ui/wizard/setupwizard.h"
#include "ui/wizard/wizardtext.h"

#include <QLabel>
#include <QVBoxLayout>

namespace cosell {

WelcomePage::WelcomePage(SetupWizard &wizard)
    : QWizardPage(&wizard)
{
    setObjectName(QStringLiteral("welcomePage"));
    setTitle(tr("Welcome"));
    setSubTitle(tr("This wizard connects Partner Center and your CRM and starts the sync."));

    auto *steps = new QLabel(this);
    steps->setObjectName(QStringLiteral("welcomeSteps"));
    steps->setWordWrap(true);
    steps->setTextFormat(Qt::RichText);
    steps->setText(tr("What will happen:")
                   + WizardText::bulletList(
                       {tr("Sign in to Partner Center and check your access to referrals."),
                        tr("Sign in to Dynamics 365 or Salesforce and check the custom fields "
                           "on the opportunity."),
                        tr("Register the Partner Center webhook and test that an event "
                           "arrives."),
                        tr("Review the default field mapping."),
                        tr("See what the first sync will do, then run it.")}));

    auto *roles = new QLabel(this);
    roles->setObjectName(QStringLiteral("welcomeRoles"));
    roles->setWordWrap(true);
    roles->setTextFormat(Qt::RichText);
    roles->setText(
        tr("Roles you need:")
        + WizardText::bulletList({tr("Partner Center: Referrals admin."),
                                  tr("Dynamics 365: System Administrator or System Customizer; "
                                     "Salesforce: System Administrator.")}));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(steps);
    layout->addWidget(roles);
    if (wizard.options().profile.demo) {
        auto *demo =
            new QLabel(tr("Demo mode: every page is filled in against the built-in sandbox. "
                          "Click Next to go through."),
                       this);
        demo->setObjectName(QStringLiteral("welcomeDemo"));
        demo->setWordWrap(true);
        layout->addWidget(demo);
    }
    layout->addStretch(1);
}

} // namespace cosell
