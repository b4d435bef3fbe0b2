// SPDX-License-Identifier: MIT
#pragma once

#include "app/sandbox/dataverse/dataverseexpand.h"
#include "app/sandbox/dataverse/dataverseschema.h"
#include "app/sandbox/dataverse/recordtable.h"
#include "app/sandbox/server/sandboxrequest.h"
#include "app/sandbox/server/sandboxresponse.h"

namespace cosell::sandbox {

// Collection reads of the Dataverse simulation: $select, $expand (DataverseExpand), $filter,
// $orderby, $top,
// Prefer: odata.maxpagesize with @odata.nextLink (opaque keyset $skiptoken), and change
// tracking (Prefer: odata.track-changes, $deltatoken, deleted entities) — crm.md A.6/A.7.
// Default order (and $orderby on the id or modifiedon) pages through an ordered index:
// a page costs O(log n + scanned rows). Other orders sort the matching rows per page.
class DataverseQuery final
{
public:
    struct Context
    {
        const DataverseEntity &entity;
        const RecordTable &table;
        QString apiRoot; // http://127.0.0.1:P/dataverse/api/data/v9.2
        QDateTime now;
        int defaultPageSize = 5000;
        DataverseExpand::Tables tables = {}; // for $expand; none = $expand refused
    };

    static SandboxResponse list(const Context &context, const SandboxRequest &request);

    // One row as the Web API shows it, with @odata.etag; `select` empty = every column.
    static QJsonObject entityJson(const DataverseEntity &entity, const CrmRecord &row,
                                  const QStringList &select);
    // Parses $select; false and *bad = the unknown name.
    static bool parseSelect(const DataverseEntity &entity, const QString &text, QStringList *select,
                            QString *bad);
    static QString etag(const CrmRecord &row);
    // Query items of an OData URL: percent-decoded, '+' kept as '+'.
    static QList<QPair<QString, QString>> queryItems(const QByteArray &rawQuery);
    static int maxPageSize(const SandboxRequest &request, int fallback, bool *present);
    static SandboxResponse unknownProperty(const DataverseEntity &entity, const QString &name);

private:
    static SandboxResponse delta(const Context &context, const SandboxRequest &request,
                                 const QList<QPair<QString, QString>> &items,
                                 const QStringList &select, int pageSize, bool pageSizeApplied);
};

} // namespace cosell::sandbox
