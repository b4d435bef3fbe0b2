// SPDX-License-Identifier: MIT
#pragma once

#include "core/auth/oauthtokenprovider.h"
#include "core/crm/crmconnector.h"
#include "core/crm/dynamicsconnector.h"
#include "core/crm/salesforceconnector.h"
#include "tests/support/sandboxfixture.h"
#include "tests/support/testwait.h"

#include <functional>
#include <memory>
#include <optional>

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

namespace cosell::test {

// What the CRM connector tests share: the sandbox and the token provider (set up by each
// test's init(), reset in cleanup()), waits that give up with the code "timeout", and the
// Salesforce sandbox's control API. The tests derive from it (it is their QObject).
class CrmTestFixture : public QObject
{
protected:
    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<OAuthTokenProvider> m_tokens;

    // Starts the sandbox with `records` Salesforce opportunities (seed 7) and signs a user in
    // (m_tokens, delegated). Returns what failed; empty when all went well.
    QString startSalesforce(int records);
    // Starts the sandbox with `records` Dataverse opportunities (seed 7) and gets an app-only
    // token (m_tokens, client credentials). Returns what failed; empty when all went well.
    QString startDynamics(int records);
    // The connector's settings for the sandbox's Dataverse (its URL, defaults otherwise).
    DynamicsConfig dynamicsConfig() const;

    template<typename T>
    Result<T> wait(const std::function<void(std::function<void(Result<T>)>)> &call)
    {
        return waitForResult<T>(call, QStringLiteral("timeout"));
    }
    Status waitStatus(const std::function<void(std::function<void(Status)>)> &call);
    Result<CrmChanges> changes(CrmConnector &crm, const QString &cursor);
    Result<std::optional<CrmRecordData>> find(CrmConnector &crm, const QString &referralId);
    // Every record from an empty cursor, changesSince after changesSince (at most 100);
    // returns the cursor, or "<failed: …>".
    QString readAll(CrmConnector &crm, QList<CrmRecordData> *records, int *calls);
    // Every page from `cursor` to the deltaLink; *pages counts the requests, afterPage gets
    // each page's number (from 1) as it comes.
    Result<CrmChanges> sweep(CrmConnector &crm, const QString &cursor, int *pages = nullptr,
                             const std::function<void(int)> &afterPage = {});
    // One writeBatch, waited for.
    Result<QList<CrmWriteResult>> writeBatch(CrmConnector &crm, const QList<CrmWrite> &writes);
    // A create (no id) of these CRM fields.
    static CrmWrite createOf(const QJsonObject &fields);

    // Sends to the sandbox's control API (no token); returns the HTTP status, -1 if no
    // answer came within 30 s.
    int sandboxControl(const QByteArray &method, const QString &path, const QByteArray &body);
    // The same through the connectors' HttpClient: an error for an HTTP error status.
    Status control(const QByteArray &method, const QString &path, const QJsonObject &body);
    // A seller's edit of a Salesforce opportunity in the sandbox; returns the HTTP status.
    int sellerEdit(const QString &id, const QByteArray &json = "{}");
    // The connector's settings for the Salesforce sandbox: the instance URL `tokens` got,
    // getDeleted windows ending at the sandbox's now. `tokens` must outlive the connector.
    SalesforceConnectorConfig salesforceConfig(OAuthTokenProvider &tokens);
};

} // namespace cosell::test
