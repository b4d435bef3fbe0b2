// SPDX-License-Identifier: MIT
#pragma once

#include "core/sync/remoteside.h"

#include <QHash>
#include <QMap>
#include <QObject>

namespace cosell::test {

// An in-memory Partner Center or CRM in canonical values, for the engine's unit tests
// (the integration tests use the sandbox over HTTP). Every change gets the next sequence
// number (one timeline shared by all fakes), which is also its change-feed cursor, its
// etag and its modification time; callbacks arrive
// asynchronously (queued), as from a network. Faults are injected per operation.
class FakeRemoteSide final : public RemoteSide
{
public:
    enum class Kind { PartnerCenter, Crm };

    explicit FakeRemoteSide(Kind kind);
    ~FakeRemoteSide() override;

    // A person edits (or creates) a record on this side.
    SideRecord &put(SideRecord record);
    void edit(const QString &id, const QString &field, const QJsonValue &value);
    const SideRecord &at(const QString &id) const { return *m_records.find(id); }
    QList<SideRecord> all() const { return m_records.values(); }
    int count() const { return int(m_records.size()); }
    QString auditOf(const QString &id) const { return m_audit.value(id); }

    // The next `times` calls of `operation` fail with `kind` ("update", "create", ...).
    void failNext(const QString &operation, Error::Kind kind, int times = 1);
    // Runs once, just before the next update is applied (a concurrent edit → 412).
    void beforeNextUpdate(std::function<void()> hook) { m_beforeUpdate = std::move(hook); }
    // Runs once, right after the next create (or batch of creates) is applied and before
    // it is answered: where a crash loses the answer of a write that went through.
    void afterNextCreate(std::function<void()> hook) { m_afterCreate = std::move(hook); }
    // Cursors at or before `seq` are no longer served (a purged change log): changesSince
    // with one fails with kCursorExpired (before any injected fault).
    void expireCursorsUpTo(qint64 seq) { m_expiredUpTo = seq; }
    int calls(const QString &operation) const { return m_calls.value(operation); }
    int totalCalls() const;
    int pageSize = 50;
    // Values a created record holds where the create gave none (a CRM's column defaults).
    QJsonObject createDefaults;

    void changesSince(const QString &cursor, Callback<ChangeBatch> done) override;
    void get(const QString &id, Callback<SideRecord> done) override;
    void findByLinkedId(const QString &linkedId, Callback<std::optional<SideRecord>> done) override;
    void create(const CreateRequest &request, Callback<SideRecord> done) override;
    void createMany(const QList<CreateRequest> &requests,
                    std::function<void(QList<Result<SideRecord>>)> done) override;
    void update(const QString &id, const QString &etag, const QJsonObject &changes,
                Callback<SideRecord> done) override;
    void linkBack(const QString &id, const QString &linkedId, Callback<SideRecord> done) override;
    void writeAudit(const QString &id, const QString &message, Callback<SideRecord> done) override;

private:
    std::optional<Error> fault(const QString &operation);
    void touch(SideRecord &record);
    SideRecord createOne(const CreateRequest &request);
    template<typename T> void later(Callback<T> done, Result<T> result);

    Kind m_kind;
    QObject m_context; // queued callbacks die with the fake
    QMap<QString, SideRecord> m_records;
    QHash<QString, qint64> m_seq;
    QHash<QString, QString> m_audit;
    QHash<QString, int> m_calls;
    QHash<QString, QList<Error::Kind>> m_faults;
    std::function<void()> m_beforeUpdate;
    std::function<void()> m_afterCreate;
    qint64 m_expiredUpTo = -1; // -1: every cursor is served
    // One timeline for every fake, so modification times compare across sides.
    static qint64 s_nextSeq;
    int m_nextId = 1;
};

} // namespace cosell::test
