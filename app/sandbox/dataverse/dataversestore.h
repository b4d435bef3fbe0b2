// SPDX-License-Identifier: MIT
#pragma once

#include "app/sandbox/dataverse/dataverseconfig.h"
#include "app/sandbox/dataverse/dataverseschema.h"
#include "app/sandbox/dataverse/recordtableset.h"

namespace cosell {
class Clock;
}

namespace cosell::sandbox {

// The Dataverse tables (opportunities, accounts, contacts, transactioncurrencies) with their
// schema, id generation and seeding. Server thread only.
class DataverseStore final
{
public:
    explicit DataverseStore(const Clock &clock);

    const DataverseConfig &config() const { return m_config; }
    void setConfig(const DataverseConfig &config);

    const DataverseEntity *entity(const QString &setName) const;
    RecordTable *table(const QString &setName);
    QStringList setNames() const;

    // Merges `columns` into row `id` of `setName` (creating it when absent) and stamps the
    // system columns. `when` defaults to the clock.
    const CrmRecord &write(const QString &setName, const QString &id, const QJsonObject &columns,
                           const QDateTime &when = {});
    QString newId();

    // Id of the currency row for an ISO code, created on first use.
    QString currencyId(const QString &isoCode);

    void reset();
    // Atomic change sets ($batch): every table at once.
    void begin();
    void commit();
    void rollback();
    // Record i < count of DataGenerator::deal(seed, i): account, contact and opportunity.
    void seed(quint64 seed, int count);
    // Plays a seller editing opportunity `id`: applies `columns` (validated like a PATCH) or,
    // when empty, a plausible change of amount, close date and description.
    bool sellerEdit(const QString &id, const QJsonObject &columns,
                    DataverseSchema::WriteError *error);

private:
    void rebuild();

    const Clock &m_clock;
    DataverseConfig m_config;
    QList<DataverseEntity> m_entities;
    RecordTableSet m_tables;
    quint64 m_idCounter = 0;
    int m_editCounter = 0;
};

} // namespace cosell::sandbox
