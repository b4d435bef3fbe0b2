// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

namespace cosell {

class ConsoleOptions;

// Settings: what this console runs with (cache, language, mode); connections, webhook and
// schedule come with the setup wizard.
class SettingsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsPage)

public:
    // language: the one in use ("en" or "zh_TW").
    SettingsPage(const ConsoleOptions &options, const QString &language, QWidget *parent = nullptr);

Q_SIGNALS:
    // "Run setup wizard…" was clicked.
    void setupWizardRequested();
};

} // namespace cosell
