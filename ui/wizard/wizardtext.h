// SPDX-License-Identifier: MIT
#pragma once

#include "core/util/error.h"

#include <QCoreApplication>
#include <QString>

class QLabel;

namespace cosell {

// Plain words for what went wrong on a wizard page and how to fix it, and the status line
// every page shows under its action. GUI thread.
class WizardText final
{
    Q_DECLARE_TR_FUNCTIONS(cosell::WizardText)

public:
    enum class State { Idle, Busy, Ok, Failed };

    static QString signInError(const Error &error);
    static QString partnerCenterAccessError(const Error &error);
    static QString crmError(const Error &error);
    static QString webhookError(const Error &error);
    // "<message> (HTTP 403, code)" — the service's own words for the curious.
    static QString detail(const Error &error);

    // Shows `text` in `label` with a mark and colour for `state`; hides it when Idle and empty.
    static void showStatus(QLabel *label, State state, const QString &text);
    // Rich-text bullet list of `items`.
    static QString bulletList(const QStringList &items);
};

} // namespace cosell
