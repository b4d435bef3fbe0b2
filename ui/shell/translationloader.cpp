// SPDX-License-Identifier: MIT
#include "ui/shell/translationloader.h"

#include "ui/logging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace cosell {

TranslationLoader::TranslationLoader() = default;

TranslationLoader::~TranslationLoader()
{
    removeAll();
}

QStringList TranslationLoader::supportedLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("zh_TW")};
}

QString TranslationLoader::normalize(const QString &tag)
{
    QString t = tag.trimmed();
    t.replace(u'-', u'_');
    const QString lower = t.toLower();
    if (lower == QLatin1String("en") || lower.startsWith(QLatin1String("en_")))
        return QStringLiteral("en");
    if (lower == QLatin1String("zh_tw") || lower.startsWith(QLatin1String("zh_hant"))
        || lower == QLatin1String("zh_hk") || lower == QLatin1String("zh_mo"))
        return QStringLiteral("zh_TW");
    return {};
}

QString TranslationLoader::languageFor(const QLocale &locale)
{
    // uiLanguages() lists the user's preferences in order ("zh-Hant-TW", "zh-TW", ...).
    for (const QString &tag : locale.uiLanguages()) {
        const QString language = normalize(tag);
        if (!language.isEmpty())
            return language;
    }
    if (locale.language() == QLocale::Chinese
        && (locale.script() == QLocale::TraditionalChineseScript
            || locale.territory() == QLocale::Taiwan || locale.territory() == QLocale::HongKong
            || locale.territory() == QLocale::Macao))
        return QStringLiteral("zh_TW");
    return QStringLiteral("en");
}

QString TranslationLoader::nativeName(const QString &language)
{
    if (language == QLatin1String("zh_TW"))
        return QStringLiteral("繁體中文（台灣）");
    return QStringLiteral("English");
}

QString TranslationLoader::install(const QString &language)
{
    removeAll();
    m_language = language.isEmpty() ? languageFor(QLocale::system()) : normalize(language);
    if (m_language.isEmpty())
        m_language = QStringLiteral("en");

    auto ours = std::make_unique<QTranslator>();
    const QString ourFile = QStringLiteral(":/i18n/cosell_") + m_language + QStringLiteral(".qm");
    if (ours->load(ourFile)) {
        QCoreApplication::installTranslator(ours.get());
        m_ours = std::move(ours);
    } else {
        qCWarning(lcUiI18n) << "no translation file" << ourFile;
    }

    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QStringLiteral("qtbase_") + m_language,
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        m_qt = std::move(qt);
    } else if (m_language != QLatin1String("en")) {
        qCInfo(lcUiI18n) << "Qt's own translation for" << m_language
                         << "is not installed; standard buttons stay in English";
    }

    QLocale::setDefault(QLocale(m_language));
    qCInfo(lcUiI18n) << "user interface language" << m_language;
    return m_language;
}

void TranslationLoader::removeAll()
{
    if (m_ours)
        QCoreApplication::removeTranslator(m_ours.get());
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
    m_ours.reset();
    m_qt.reset();
}

} // namespace cosell
