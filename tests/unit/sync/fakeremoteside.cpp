// SPDX-License-Identifier: MIT
#include "tests/unit/sync/fakeremoteside.h"

#include <utility>

#include <QTimer>

namespace cosell::test {

namespace {

Error error(Error::Kind kind, const QString &message)
{
    Error e;
    e.kind = kind;
    e.code = QStringLiteral("fake");
    e.message = message;
    e.httpStatus = kind == Error::Kind::Conflict ? 412 : kind == Error::Kind::NotFound ? 404 : 503;
    return e;
}

const QDateTime epoch(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);

} // namespace

qint64 FakeRemoteSide::s_nextSeq = 1;

FakeRemoteSide::FakeRemoteSide(Kind kind)
    : m_kind(kind)
{ }
FakeRemoteSide::~FakeRemoteSide() = default;

template<typename T> void FakeRemoteSide::later(Callback<T> done, Result<T> result)
{
    QTimer::singleShot(0, &m_context,
                       [done = std::move(done), result = std::move(result)] { done(result); });
}

void FakeRemoteSide::touch(SideRecord &r)
{
    const qint64 seq = s_nextSeq++;
    m_seq.insert(r.id, seq);
    r.etag = QStringLiteral("W/\"%1\"").arg(seq);
    r.modified = epoch.addSecs(seq);
}

SideRecord &FakeRemoteSide::put(SideRecord record)
{
    if (record.id.isEmpty())
        record.id = (m_kind == Kind::Crm ? QStringLiteral("crm-") : QStringLiteral("ref-"))
            + QString::number(m_nextId++);
    touch(record);
    return *m_records.insert(record.id, record);
}

void FakeRemoteSide::edit(const QString &id, const QString &field, const QJsonValue &value)
{
    SideRecord &r = *m_records.find(id);
    r.values.insert(field, value);
    touch(r);
}

void FakeRemoteSide::failNext(const QString &operation, Error::Kind kind, int times)
{
    for (int i = 0; i < times; ++i)
        m_faults[operation].append(kind);
}

int FakeRemoteSide::totalCalls() const
{
    int n = 0;
    for (int c : m_calls)
        n += c;
    return n;
}

std::optional<Error> FakeRemoteSide::fault(const QString &operation)
{
    m_calls[operation] += 1;
    auto it = m_faults.find(operation);
    if (it == m_faults.end() || it->isEmpty())
        return std::nullopt;
    return error(it->takeFirst(), QStringLiteral("injected fault on ") + operation);
}

void FakeRemoteSide::changesSince(const QString &cursor, Callback<ChangeBatch> done)
{
    const qint64 after = cursor.toLongLong();
    if (!cursor.isEmpty() && after <= m_expiredUpTo) {
        // Before any injected fault, which so hits the full read that follows.
        m_calls[QStringLiteral("changesSince")] += 1;
        Error e = error(Error::Kind::Invalid, QStringLiteral("cursor ") + cursor + u" purged");
        e.code = QString::fromLatin1(kCursorExpired);
        e.httpStatus = 400;
        return later<ChangeBatch>(std::move(done), e);
    }
    if (auto e = fault(QStringLiteral("changesSince")))
        return later<ChangeBatch>(std::move(done), *e);
    QMap<qint64, QString> changed;
    for (auto it = m_seq.cbegin(); it != m_seq.cend(); ++it) {
        if (it.value() > after)
            changed.insert(it.value(), it.key());
    }
    ChangeBatch batch;
    qint64 last = after;
    for (auto it = changed.cbegin(); it != changed.cend(); ++it) {
        if (batch.records.size() >= pageSize) {
            batch.more = true;
            break;
        }
        batch.records.append(m_records.value(it.value()));
        last = it.key();
    }
    batch.nextCursor = QString::number(last);
    later<ChangeBatch>(std::move(done), batch);
}

void FakeRemoteSide::get(const QString &id, Callback<SideRecord> done)
{
    if (auto e = fault(QStringLiteral("get")))
        return later<SideRecord>(std::move(done), *e);
    if (!m_records.contains(id))
        return later<SideRecord>(std::move(done), error(Error::Kind::NotFound, id));
    later<SideRecord>(std::move(done), m_records.value(id));
}

void FakeRemoteSide::findByLinkedId(const QString &linkedId,
                                    Callback<std::optional<SideRecord>> done)
{
    if (auto e = fault(QStringLiteral("find")))
        return later<std::optional<SideRecord>>(std::move(done), *e);
    for (const SideRecord &r : m_records) {
        if (r.linkedId == linkedId)
            return later<std::optional<SideRecord>>(std::move(done), std::optional<SideRecord>(r));
    }
    later<std::optional<SideRecord>>(std::move(done), std::optional<SideRecord>());
}

SideRecord FakeRemoteSide::createOne(const CreateRequest &request)
{
    if (m_kind == Kind::Crm) { // upsert by Referral Identifier
        for (SideRecord &r : m_records) {
            if (r.linkedId == request.linkedId) {
                for (auto it = request.values.begin(); it != request.values.end(); ++it)
                    r.values.insert(it.key(), it.value());
                touch(r);
                return r;
            }
        }
    }
    SideRecord r;
    r.values = createDefaults;
    for (auto it = request.values.begin(); it != request.values.end(); ++it)
        r.values.insert(it.key(), it.value());
    r.linkedId = request.linkedId;
    r.syncWithPartnerCenter = true;
    r.type = QStringLiteral("Independent");
    r.status = QStringLiteral("Active");
    r.stage = QStringLiteral("Qualify");
    return put(r);
}

void FakeRemoteSide::create(const CreateRequest &request, Callback<SideRecord> done)
{
    if (auto e = fault(QStringLiteral("create")))
        return later<SideRecord>(std::move(done), *e);
    const SideRecord created = createOne(request);
    if (auto hook = std::exchange(m_afterCreate, {}))
        hook();
    later<SideRecord>(std::move(done), created);
}

void FakeRemoteSide::createMany(const QList<CreateRequest> &requests,
                                std::function<void(QList<Result<SideRecord>>)> done)
{
    QList<Result<SideRecord>> results;
    if (auto e = fault(QStringLiteral("createMany"))) {
        for (qsizetype i = 0; i < requests.size(); ++i)
            results.append(*e);
    } else {
        for (const CreateRequest &r : requests)
            results.append(createOne(r));
        if (auto hook = std::exchange(m_afterCreate, {}))
            hook();
    }
    QTimer::singleShot(0, &m_context, [done = std::move(done), results] { done(results); });
}

void FakeRemoteSide::update(const QString &id, const QString &etag, const QJsonObject &changes,
                            Callback<SideRecord> done)
{
    if (auto e = fault(QStringLiteral("update")))
        return later<SideRecord>(std::move(done), *e);
    if (auto hook = std::exchange(m_beforeUpdate, nullptr))
        hook();
    if (!m_records.contains(id))
        return later<SideRecord>(std::move(done), error(Error::Kind::NotFound, id));
    SideRecord &r = *m_records.find(id);
    if (r.etag != etag)
        return later<SideRecord>(std::move(done),
                                 error(Error::Kind::Conflict, QStringLiteral("etag")));
    for (auto it = changes.begin(); it != changes.end(); ++it)
        r.values.insert(it.key(), it.value());
    touch(r);
    later<SideRecord>(std::move(done), r);
}

void FakeRemoteSide::linkBack(const QString &id, const QString &linkedId, Callback<SideRecord> done)
{
    if (auto e = fault(QStringLiteral("linkBack")))
        return later<SideRecord>(std::move(done), *e);
    if (!m_records.contains(id))
        return later<SideRecord>(std::move(done), error(Error::Kind::NotFound, id));
    SideRecord &r = *m_records.find(id);
    r.linkedId = linkedId;
    touch(r);
    later<SideRecord>(std::move(done), r);
}

void FakeRemoteSide::writeAudit(const QString &id, const QString &message,
                                Callback<SideRecord> done)
{
    if (auto e = fault(QStringLiteral("audit")))
        return later<SideRecord>(std::move(done), *e);
    if (!m_records.contains(id))
        return later<SideRecord>(std::move(done), error(Error::Kind::NotFound, id));
    m_audit.insert(id, message);
    // The Audit field is a field of the record: writing it is a change the feed reports.
    if (m_kind == Kind::Crm)
        touch(m_records[id]);
    later<SideRecord>(std::move(done), m_records.value(id));
}

} // namespace cosell::test
