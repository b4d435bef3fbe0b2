// SPDX-License-Identifier: MIT
#include "ui/shell/aboutdialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QTextDocumentFragment>
#include <QVBoxLayout>

namespace cosell {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Co-sell Sync Console"));
    setModal(false);

    auto *icon = new QLabel(this);
    icon->setObjectName(QStringLiteral("aboutIcon"));
    icon->setPixmap(QIcon(QStringLiteral(":/icons/org.cosell.Console.svg")).pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);

    const QString li = QStringLiteral("<li>%1</li>");
    QString html = QStringLiteral("<h2>") + tr("Co-sell Sync Console").toHtmlEscaped()
        + QStringLiteral("</h2><p>") + tr("Version %1").arg(QStringLiteral(COSELL_VERSION))
        + QStringLiteral("</p><p>")
        + tr("Keeps Microsoft Partner Center co-sell referrals and CRM opportunities "
             "(Dynamics 365, Salesforce) in step, in both directions.")
              .toHtmlEscaped()
        + QStringLiteral("</p><p>")
        + tr("Built with Qt %1, running on Qt %2.")
              .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion()))
        + QStringLiteral("</p><p>") + tr("Licences:").toHtmlEscaped() + QStringLiteral("</p><ul>")
        + li.arg(tr("Co-sell Sync Console: MIT licence")) + li.arg(tr("Qt: GNU LGPL version 3"))
        + li.arg(tr("QtKeychain: BSD 3-clause licence")) + li.arg(tr("OpenSSL: Apache licence 2.0"))
        + li.arg(tr("SQLite: public domain")) + QStringLiteral("</ul>");
    m_text->setObjectName(QStringLiteral("aboutText"));
    m_text->setTextFormat(Qt::RichText);
    m_text->setText(html);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_text->setMinimumWidth(360);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("aboutButtons"));
    buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("aboutCloseButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);

    auto *row = new QHBoxLayout;
    row->setSpacing(16);
    row->addWidget(icon);
    row->addWidget(m_text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
}

QString AboutDialog::plainText() const
{
    return QTextDocumentFragment::fromHtml(m_text->text()).toPlainText();
}

} // namespace cosell
