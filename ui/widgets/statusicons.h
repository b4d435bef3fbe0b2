// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QIcon>
#include <QString>

namespace cosell {

// The sync status of one record as the console shows it: an icon, a short label and a
// sentence saying why. Icons always come with text (colour alone must not carry meaning).
class StatusIcons final
{
    Q_DECLARE_TR_FUNCTIONS(cosell::StatusIcons)

public:
    enum class Status {
        Synced, // both sides agree with the base snapshot
        Pending, // a change is waiting in the outbox
        Conflict, // both sides moved; a person must choose
        Error, // the last write failed
        NotLinked, // a referral or an opportunity without its counterpart
        Ignored, // the opportunity says Sync with Partner Center = No
    };

    static constexpr Status all[] = {Status::Synced, Status::Pending,   Status::Conflict,
                                     Status::Error,  Status::NotLinked, Status::Ignored};

    // Resource path of the SVG, e.g. ":/icons/status-synced.svg".
    static QString iconPath(Status status);
    static QIcon icon(Status status);
    static QString label(Status status);
    static QString explanation(Status status);
};

} // namespace cosell
