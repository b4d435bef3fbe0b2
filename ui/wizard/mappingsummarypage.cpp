// SPDX-License-Identifier: MIT
#include "ui/wizard/mappingsummarypage.h"

#include "core/mapping/mappingspec.h"
#include "core/setup/setupsession.h"
#include "ui/wizard/setupwizard.h"
#include "ui/wizard/wizardtext.h"

#include <QCommandLinkButton>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cosell {

namespace {

QString pathsText(const QList<FieldPath> &paths)
{
    QStringList parts;
    for (const FieldPath &p : paths)
        parts << p.toString();
    return parts.join(QStringLiteral(", "));
}

QString directionText(MappingDirection d)
{
    switch (d) {
    case MappingDirection::None:
        return MappingSummaryPage::tr("not synced");
    case MappingDirection::Both:
        return MappingSummaryPage::tr("both ways");
    case MappingDirection::ToCrm:
        return MappingSummaryPage::tr("to the CRM");
    case MappingDirection::ToPartnerCenter:
        return MappingSummaryPage::tr("to Partner Center");
    }
    return {};
}

} // namespace

MappingSummaryPage::MappingSummaryPage(SetupWizard &wizard)
    : QWizardPage(&wizard)
    , m_wizard(wizard)
    , m_summary(new QLabel(this))
    , m_table(new QTableWidget(this))
{
    setObjectName(QStringLiteral("mappingSummaryPage"));
    setTitle(tr("Field mapping"));
    setSubTitle(
        tr("Which referral fields go to which opportunity fields. The default mapping follows "
           "Microsoft's documented behaviour; you can change it later."));
    m_summary->setObjectName(QStringLiteral("mappingSummary"));
    m_summary->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("mappingSummaryTable"));
    m_table->setColumnCount(4);
    m_table->setHorizontalHeaderLabels(
        {tr("Field"), tr("Partner Center"), tr("CRM"), tr("Updates go")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->verticalHeader()->hide();
    // Every column visible at the wizard's width: long paths are elided, the tooltip has them
    // whole.
    for (int column = 0; column < 3; ++column)
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setWordWrap(false);

    auto *open = new QCommandLinkButton(
        tr("Open the mapping editor"),
        tr("Change fields, directions and conflict rules in the Field mapping page."), this);
    open->setObjectName(QStringLiteral("mappingOpenEditorButton"));
    connect(open, &QCommandLinkButton::clicked, &wizard, &SetupWizard::openMappingEditorRequested);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(open);
}

void MappingSummaryPage::initializePage()
{
    const CrmSystem system = m_wizard.session().crmSystem();
    const QString crm = system == CrmSystem::Salesforce ? tr("Salesforce") : tr("Dynamics 365");
    Result<MappingSpec> spec = MappingSpec::builtIn(system);
    m_table->setRowCount(0);
    m_ok = spec.ok();
    if (!spec) {
        WizardText::showStatus(m_summary, WizardText::State::Failed,
                               tr("The default mapping for %1 cannot be loaded: %2")
                                   .arg(crm, WizardText::detail(spec.error())));
        Q_EMIT completeChanged();
        return;
    }
    const QList<FieldMapping> &fields = spec->fields();
    m_table->setRowCount(int(fields.size()));
    int both = 0;
    for (int row = 0; row < fields.size(); ++row) {
        const FieldMapping &f = fields.at(row);
        both += f.updateDirection == MappingDirection::Both ? 1 : 0;
        const QStringList cells {f.label.isEmpty() ? f.id : f.label, pathsText(f.referralPaths),
                                 pathsText(f.crmFields), directionText(f.updateDirection)};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(cells.at(column));
            m_table->setItem(row, column, item);
        }
    }
    m_table->resizeRowsToContents();
    WizardText::showStatus(
        m_summary, WizardText::State::Ok,
        tr("The default mapping for %1 maps %n field(s); %2 of them are updated both ways.",
           nullptr, int(fields.size()))
            .arg(crm)
            .arg(both));
    Q_EMIT completeChanged();
}

bool MappingSummaryPage::isComplete() const
{
    return m_ok;
}

} // namespace cosell
