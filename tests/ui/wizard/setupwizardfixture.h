// SPDX-License-Identifier: MIT
#pragma once
// What the setup wizard's UI tests share: the built-in sandbox (in-process, loopback HTTP,
// port 0), settings and secrets in a temporary directory, a wizard to drive, and the steps of
// the whole walk, each verifying its page and moving on.
#include "app/sandbox/server/sandboxserver.h"
#include "core/auth/memorysecretstore.h"
#include "core/setup/firstsyncrunner.h"
#include "core/webhook/webhooklistener.h"
#include "ui/shell/translationloader.h"
#include "ui/wizard/crmpage.h"
#include "ui/wizard/setupwizard.h"
#include "ui/wizard/wizarddemosandbox.h"

#include <memory>
#include <optional>

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QGroupBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

// A walk step that failed ends the test function, not just the step.
#define STEP(call)                                                                                 \
    do {                                                                                           \
        call;                                                                                      \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

namespace cosell {

// The tests derive from it beside QObject and call setUp()/tearDown() from init()/cleanup().
class SetupWizardFixture
{
protected:
    static constexpr int kWait = 30000; // one network step on a loaded CI machine
    static constexpr int kSyncWait = 120000; // the first sync pass

    void setUp();
    void tearDown();
    // withClientIds false: a real organisation's first start, as with SetupProfile::production()
    // (no client registrations, not the demo), against the sandbox's endpoints.
    void makeWizard(bool autoRun = false, int validationTimeoutMs = 30000,
                    bool withClientIds = true);
    template<typename T> T *child(const char *name) const
    {
        T *w = m_wizard->findChild<T *>(QLatin1String(name));
        if (!w)
            qWarning("no child %s", name);
        return w;
    }
    QString text(const char *label) const { return child<QLabel>(label)->text(); }
    void click(const char *button) { child<QPushButton>(button)->click(); }
    bool pageComplete(int id) const { return m_wizard->page(id)->isComplete(); }
    // Clicks Next as a person would: a disabled button does nothing.
    void nextPage() { m_wizard->button(QWizard::NextButton)->click(); }
    bool control(const QByteArray &method, const QString &path, const QJsonObject &body);

    // Steps of the walk; each verifies its page and moves on.
    void signInPartnerCenter();
    void connectCrm(CrmSystem system);
    void registerWebhook();
    void testWebhook();
    void reviewMapping();
    void runFirstSync();
    void finish();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<WizardDemoSandbox> m_sandbox;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<SetupWizard> m_wizard;
    QNetworkAccessManager m_control;
    int m_browserOpens = 0; // authorize pages opened by sign-ins
};

} // namespace cosell
