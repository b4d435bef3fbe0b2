// SPDX-License-Identifier: MIT
#pragma once

#include <memory>

#include <QLocale>
#include <QString>
#include <QStringList>

class QTranslator;

namespace cosell {

// Chooses the UI language (en or zh_TW) and installs the translators: ours, embedded as
// :/i18n/cosell_<lang>.qm, and Qt's own (qtbase_<lang>.qm, standard dialog buttons) when
// the system has it. Removes them again when destroyed. GUI thread; one per application.
class TranslationLoader final
{
    Q_DISABLE_COPY_MOVE(TranslationLoader)

public:
    TranslationLoader();
    ~TranslationLoader();

    // The languages the console ships, source language first: {"en", "zh_TW"}.
    static QStringList supportedLanguages();
    // "zh-TW", "zh_tw", "zh_Hant", "zh-HK" -> "zh_TW"; "en", "en_GB" -> "en"; else "".
    static QString normalize(const QString &tag);
    // The first supported language among the locale's UI languages; "en" when none is.
    static QString languageFor(const QLocale &locale);
    // The language's own name, for Settings and About ("English", "繁體中文（台灣）").
    static QString nativeName(const QString &language);

    // Installs the translators for `language` (normalised; empty means the system locale)
    // and makes it the default QLocale. Returns the language in use.
    QString install(const QString &language);
    QString language() const { return m_language; }

private:
    void removeAll();

    QString m_language;
    std::unique_ptr<QTranslator> m_ours;
    std::unique_ptr<QTranslator> m_qt;
};

} // namespace cosell
