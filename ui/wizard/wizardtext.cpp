// SPDX-License-Identifier: MIT
#include "ui/wizard/wizardtext.h"

#include <QLabel>

namespace cosell {

namespace {

bool isNetwork(const Error &error)
{
    return error.kind == Error::Kind::Transient && error.httpStatus == 0;
}

} // namespace

QString WizardText::detail(const Error &error)
{
    QStringList parts;
    if (error.httpStatus > 0)
        parts << QStringLiteral("HTTP %1").arg(error.httpStatus);
    if (!error.code.isEmpty())
        parts << error.code;
    const QString message = error.message.isEmpty() ? toString(error.kind) : error.message;
    return parts.isEmpty()
        ? message
        : QStringLiteral("%1 (%2)").arg(message, parts.join(QStringLiteral(", ")));
}

QString WizardText::signInError(const Error &error)
{
    QString advice;
    if (isNetwork(error))
        advice = tr("The sign-in service cannot be reached. Check the network connection and the "
                    "proxy settings, then sign in again.");
    else if (error.kind == Error::Kind::Unauthorized || error.kind == Error::Kind::Invalid)
        advice = tr("The sign-in was refused. Check the account and password, make sure the "
                    "app may be used in your organization, then sign in again.");
    else
        advice = tr("The sign-in did not finish. Sign in again; if the browser did not open, "
                    "use a device code instead.");
    return tr("%1\nDetails: %2").arg(advice, detail(error));
}

QString WizardText::partnerCenterAccessError(const Error &error)
{
    QString advice;
    if (error.httpStatus == 403)
        advice = tr("The account is signed in but may not read referrals. Ask a global admin to "
                    "give it the Referrals admin role in Partner Center (Account settings, User "
                    "management), then check again.");
    else if (error.httpStatus == 401 || error.kind == Error::Kind::Unauthorized)
        advice = tr("Partner Center did not accept the sign-in. Sign in again with an account "
                    "of your partner organization.");
    else if (isNetwork(error))
        advice = tr("Partner Center cannot be reached. Check the network connection and the "
                    "proxy settings, then check again.");
    else
        advice = tr("Partner Center answered with an error. Wait a minute and check again.");
    return tr("%1\nDetails: %2").arg(advice, detail(error));
}

QString WizardText::crmError(const Error &error)
{
    QString advice;
    if (error.httpStatus == 403)
        advice = tr("The CRM account may not read the opportunity definition. Use an account "
                    "with the System Administrator or System Customizer role.");
    else if (error.httpStatus == 401 || error.kind == Error::Kind::Unauthorized)
        advice = tr("The CRM did not accept the sign-in. Sign in again.");
    else if (error.httpStatus == 404 || error.kind == Error::Kind::NotFound)
        advice = tr("The CRM address seems wrong: nothing answers there. Check the instance URL.");
    else if (isNetwork(error))
        advice = tr("The CRM cannot be reached. Check the instance URL and the network "
                    "connection.");
    else
        advice = tr("The CRM answered with an error. Check the instance URL and try again.");
    return tr("%1\nDetails: %2").arg(advice, detail(error));
}

QString WizardText::webhookError(const Error &error)
{
    QString advice;
    if (error.httpStatus == 403 || error.httpStatus == 401
        || error.kind == Error::Kind::Unauthorized)
        advice = tr("Partner Center refused the webhook registration. The account needs the "
                    "Referrals admin role; sign in again on the Partner Center page.");
    else if (error.httpStatus == 400 || error.kind == Error::Kind::Invalid)
        advice = tr("Partner Center did not accept the registration. Check that the public URL "
                    "starts with https:// and is reachable from the internet.");
    else if (error.kind == Error::Kind::Throttled)
        advice = tr("Partner Center asks to wait before trying again. Wait a minute, then try "
                    "again.");
    else
        advice = tr("The webhook API cannot be reached. Check the network connection, then try "
                    "again.");
    return tr("%1\nDetails: %2").arg(advice, detail(error));
}

void WizardText::showStatus(QLabel *label, State state, const QString &text)
{
    QString mark;
    QString colour;
    switch (state) {
    case State::Idle:
        break;
    case State::Busy:
        mark = QStringLiteral("… ");
        break;
    case State::Ok:
        mark = QStringLiteral("✔ ");
        colour = QStringLiteral("#1b7f3a");
        break;
    case State::Failed:
        mark = QStringLiteral("✖ ");
        colour = QStringLiteral("#b3261e");
        break;
    }
    label->setProperty("wizardState", int(state));
    label->setStyleSheet(colour.isEmpty() ? QString() : QStringLiteral("color: %1;").arg(colour));
    label->setText(text.isEmpty() ? QString() : mark + text);
    label->setVisible(!text.isEmpty());
}

QString WizardText::bulletList(const QStringList &items)
{
    QString html = QStringLiteral("<ul style=\"margin-left: 12px; -qt-list-indent: 0;\">");
    for (const QString &item : items)
        html += QStringLiteral("<li>") + item.toHtmlEscaped() + QStringLiteral("</li>");
    return html + QStringLiteral("</ul>");
}

} // namespace cosell
