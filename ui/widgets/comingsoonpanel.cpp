// SPDX-License-Identifier: MIT
#include "ui/widgets/comingsoonpanel.h"

#include <QLabel>
#include <QVBoxLayout>

namespace cosell {

ComingSoonPanel::ComingSoonPanel(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_notice(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_list(new QLabel(this))
{
    m_title->setObjectName(QStringLiteral("pageTitle"));
    m_notice->setObjectName(QStringLiteral("comingSoonNotice"));
    m_summary->setObjectName(QStringLiteral("pageSummary"));
    m_list->setObjectName(QStringLiteral("comingSoonList"));

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_notice->setText(tr("Coming soon: this page is not built yet."));
    QFont noticeFont = m_notice->font();
    noticeFont.setItalic(true);
    m_notice->setFont(noticeFont);
    m_notice->setForegroundRole(QPalette::PlaceholderText);
    for (QLabel *label : {m_summary, m_list}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_list->setTextFormat(Qt::RichText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(12);
    layout->addWidget(m_title);
    layout->addWidget(m_notice);
    layout->addWidget(m_summary);
    layout->addWidget(m_list);
    layout->addStretch(1);
}

void ComingSoonPanel::setContent(const QString &title, const QString &summary,
                                 const QStringList &willDo)
{
    m_title->setText(title);
    m_title->setVisible(!title.isEmpty());
    m_summary->setText(summary);
    QString html =
        QStringLiteral("<p>") + tr("It will let you:").toHtmlEscaped() + QStringLiteral("</p><ul>");
    for (const QString &item : willDo)
        html += QStringLiteral("<li>") + item.toHtmlEscaped() + QStringLiteral("</li>");
    html += QStringLiteral("</ul>");
    m_list->setText(html);
}

void ComingSoonPanel::setNotice(const QString &notice)
{
    m_notice->setText(notice);
}

QLabel *ComingSoonPanel::makeTitleLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("pageTitle"));
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace cosell
