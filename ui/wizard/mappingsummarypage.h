// SPDX-License-Identifier: MIT
#pragma once

#include <QWizardPage>

class QLabel;
class QTableWidget;

namespace cosell {

class SetupWizard;

// Page 6: the default field mapping for the chosen CRM, with a way to the mapping editor.
class MappingSummaryPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MappingSummaryPage)

public:
    explicit MappingSummaryPage(SetupWizard &wizard);

    void initializePage() override;
    bool isComplete() const override;
    // Next (and QWizard::next()) goes on only once the page's check passed.
    bool validatePage() override { return isComplete(); }

private:
    SetupWizard &m_wizard;
    QLabel *m_summary;
    QTableWidget *m_table;
    bool m_ok = false;
};

} // namespace cosell
