// SPDX-License-Identifier: MIT
#pragma once

#include <QWizardPage>

namespace cosell {

class SetupWizard;

// Page 1: what the wizard will do and the roles the admin needs.
class WelcomePage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WelcomePage)

public:
    explicit WelcomePage(SetupWizard &wizard);
};

} // namespace cosell
