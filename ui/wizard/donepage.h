// SPDX-License-Identifier: MIT
#pragma once

#include <QWizardPage>

class QLabel;

namespace cosell {

class SetupWizard;

// Page 8: what was set up; the sync keeps running in the background.
class DonePage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DonePage)

public:
    explicit DonePage(SetupWizard &wizard);

    void initializePage() override;

private:
    SetupWizard &m_wizard;
    QLabel *m_summary;
};

} // namespace cosell
