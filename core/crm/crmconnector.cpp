// SPDX-License-Identifier: MIT
#include "core/crm/crmconnector.h"

#include "core/net/serviceerror.h"

namespace cosell {

std::function<void(Result<QList<CrmWriteResult>>)>
singleWriteResult(std::function<void(Result<QString>)> done)
{
    return [done = std::move(done)](Result<QList<CrmWriteResult>> r) {
        if (!r)
            done(r.error());
        else if (r->isEmpty())
            done(makeError(Error::Kind::Internal, QStringLiteral("noResult"),
                           QStringLiteral("The batch returned no result")));
        else if (r->first().error)
            done(*r->first().error);
        else
            done(r->first().id);
    };
}

std::function<void(Result<QList<CrmWriteResult>>)>
singleWriteStatus(std::function<void(Status)> done)
{
    return singleWriteResult(
        [done = std::move(done)](Result<QString> r) { done(r ? Status() : Status(r.error())); });
}

CrmWrite CrmWrite::updateOf(const CrmRecordData &record, const QJsonObject &changes)
{
    CrmWrite w;
    w.kind = Kind::Update;
    w.id = record.id;
    w.etag = record.etag;
    w.lastModified = record.lastModified;
    w.fields = changes;
    return w;
}

} // namespace cosell
