// SPDX-License-Identifier: MIT
#include "ui/settings/settingspage.h"

#include "ui/shell/consoleoptions.h"
#include "ui/shell/translationloader.h"
#include "ui/widgets/comingsoonpanel.h"

#include <QDir>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace cosell {

SettingsPage::SettingsPage(const ConsoleOptions &options, const QString &language, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("settingsPage"));

    auto *box = new QGroupBox(tr("This console"), this);
    box->setObjectName(QStringLiteral("settingsConsoleBox"));
    auto *form = new QFormLayout(box);
    auto addValue = [&](const QString &label, const QString &value, const char *name) {
        auto *valueLabel = new QLabel(value, box);
        valueLabel->setObjectName(QLatin1String(name));
        valueLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
        valueLabel->setWordWrap(true);
        form->addRow(label, valueLabel);
    };
    addValue(tr("Cache database:"), QDir::toNativeSeparators(options.cachePath),
             "settingsCachePath");
    addValue(tr("Language:"), TranslationLoader::nativeName(language), "settingsLanguage");
    addValue(tr("Mode:"),
             options.demo ? tr("Demo: the built-in sandbox with sample data")
                          : tr("Live: your Partner Center and CRM accounts"),
             "settingsMode");

    auto *wizardButton = new QPushButton(tr("Run setup wizard…"), box);
    wizardButton->setObjectName(QStringLiteral("settingsRunWizardButton"));
    connect(wizardButton, &QPushButton::clicked, this, &SettingsPage::setupWizardRequested);
    form->addRow(QString(), wizardButton);

    auto *panel = new ComingSoonPanel(this);
    panel->setNotice(tr("More settings are coming to this page."));
    panel->setContent(QString(),
                      tr("Connections, webhook and schedule will be set here and in the setup "
                         "wizard."),
                      {tr("sign in to Partner Center and to Dynamics 365 or Salesforce"),
                       tr("register the Partner Center webhook and test that it arrives"),
                       tr("choose how often the sweep runs and which conflicts settle "
                          "themselves"),
                       tr("run the setup wizard again")});

    auto *top = new QVBoxLayout;
    top->setContentsMargins(24, 20, 24, 0);
    top->setSpacing(12);
    top->addWidget(ComingSoonPanel::makeTitleLabel(tr("Settings"), this));
    top->addWidget(box);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(top);
    layout->addWidget(panel, 1);
}

} // namespace cosell
