// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/fieldpath.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace cosell {

class Referral;

// One leaf that differs between two JSON objects. `before`/`after` are Undefined for
// added/removed (null counts as absent, §2.1, unless Options says otherwise).
struct FieldChange
{
    enum class Kind { Added, Removed, Changed };

    FieldPath path;
    Kind kind = Kind::Changed;
    QJsonValue before;
    QJsonValue after;

    friend bool operator==(const FieldChange &, const FieldChange &) = default;
};

QString toString(FieldChange::Kind kind);

// Field-level difference of two records, for the records view, conflicts and audit
// (core computes, ui renders). Objects are walked key by key in sorted order and arrays
// index by index, so the output order is deterministic: sorted by path, with array
// elements in index order. Numbers compare by value (125000 == 125000.0).
class FieldDiff final
{
public:
    struct Options
    {
        // Partner Center emits null where a property is unset; treat null like absent.
        bool nullEqualsMissing = true;
        // Subtrees that are not content (e.g. "eTag", "links", "@odata.context").
        QList<FieldPath> ignored;
    };

    FieldDiff() = delete;

    static QList<FieldChange> diff(const QJsonObject &before, const QJsonObject &after,
                                   const Options &options);
    static QList<FieldChange> diff(const QJsonObject &before, const QJsonObject &after);
    // Ignores server bookkeeping: @odata.context, eTag, links, updatedDateTime.
    static QList<FieldChange> diff(const Referral &before, const Referral &after);
};

} // namespace cosell
