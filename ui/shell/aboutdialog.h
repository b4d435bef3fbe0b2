// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QLabel;

namespace cosell {

// Version, Qt versions and licences. Non-modal: MainWindow shows one and raises it again.
class AboutDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)

public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // The text of the dialog without markup (tests check it).
    QString plainText() const;

private:
    QLabel *m_text;
};

} // namespace cosell
