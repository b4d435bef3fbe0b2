// SPDX-License-Identifier: MIT
#include "ui/widgets/statusicons.h"

namespace cosell {

QString StatusIcons::iconPath(Status status)
{
    switch (status) {
    case Status::Synced:
        return QStringLiteral(":/icons/status-synced.svg");
    case Status::Pending:
        return QStringLiteral(":/icons/status-pending.svg");
    case Status::Conflict:
        return QStringLiteral(":/icons/status-conflict.svg");
    case Status::Error:
        return QStringLiteral(":/icons/status-error.svg");
    case Status::NotLinked:
        return QStringLiteral(":/icons/status-notlinked.svg");
    case Status::Ignored:
        return QStringLiteral(":/icons/status-ignored.svg");
    }
    return {};
}

QIcon StatusIcons::icon(Status status)
{
    return QIcon(iconPath(status));
}

QString StatusIcons::label(Status status)
{
    switch (status) {
    case Status::Synced:
        return tr("Synced");
    case Status::Pending:
        return tr("Pending");
    case Status::Conflict:
        return tr("Conflict");
    case Status::Error:
        return tr("Error");
    case Status::NotLinked:
        return tr("Not linked");
    case Status::Ignored:
        return tr("Ignored");
    }
    return {};
}

QString StatusIcons::explanation(Status status)
{
    switch (status) {
    case Status::Synced:
        return tr("The referral and the opportunity agree.");
    case Status::Pending:
        return tr("A change is waiting to be written to the other side.");
    case Status::Conflict:
        return tr("Both sides changed the same field; choose which value to keep.");
    case Status::Error:
        return tr("The last attempt to write this record failed; see the audit trail.");
    case Status::NotLinked:
        return tr("This record has no counterpart on the other side yet.");
    case Status::Ignored:
        return tr("The opportunity is set to Sync with Partner Center = No.");
    }
    return {};
}

} // namespace cosell
