// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QString>

namespace cosell {

struct FieldMapping;

// Translated names of the canonical mapping fields (spec/field-mapping.md ids). The labels
// in a mapping JSON are English and shared by every user; the console shows its own
// translated name for a known id unless the admin wrote a label of their own. GUI thread.
class FieldLabels final
{
    Q_DECLARE_TR_FUNCTIONS(cosell::FieldLabels)

public:
    // The translated name of a known canonical field id; empty for an unknown id.
    static QString forId(const QString &id);
    // What to show for a mapped field: the translation when the field's label is empty or
    // one of the built-in mappings' English labels, else the admin's own label; the id when
    // there is neither.
    static QString display(const FieldMapping &field);
};

} // namespace cosell
