// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;

namespace cosell {

// A page body for a part of the console that is not built yet: a title, a line saying so,
// and the list of what the page will do. Texts come translated from the page that owns it.
class ComingSoonPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComingSoonPanel)

public:
    explicit ComingSoonPanel(QWidget *parent = nullptr);

    // An empty title hides the title line (for pages that draw their own).
    void setContent(const QString &title, const QString &summary, const QStringList &willDo);
    // Replaces the default "not built yet" line, for pages that are partly built.
    void setNotice(const QString &notice);
    // A title label styled like the panel's, for pages that lay out their own top part.
    static QLabel *makeTitleLabel(const QString &text, QWidget *parent);

private:
    QLabel *m_title;
    QLabel *m_notice;
    QLabel *m_summary;
    QLabel *m_list;
};

} // namespace cosell
