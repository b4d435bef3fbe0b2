// SPDX-License-Identifier: MIT
#pragma once

#include "core/util/result.h"
#include "core/webhook/coalescingdownloader.h"
#include "core/webhook/signatureverifier.h"
#include "core/webhook/webhooktrustsettings.h"

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

namespace cosell {

class Clock;

// CRLs by distribution point URL, for revocation checking (WebhookTrustSettings::
// checkRevocation): downloaded asynchronously, parsed as DER or PEM, kept until the CRL's
// nextUpdate but at most crlCacheSeconds (and at most a bounded number of entries).
// Concurrent requests for one URL share one download; failures are not cached. The cache
// does not check CRL signatures: SignatureVerifier does, on every use. Lives in one thread;
// callbacks run in that thread and are dropped if their context object is gone.
class CrlCache final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CrlCache)

public:
    using Callback = std::function<void(const Result<CrlPtr> &)>;
    using ListCallback = std::function<void(const Result<std::vector<CrlPtr>> &)>;

    CrlCache(const WebhookTrustSettings &settings, const Clock &clock, QObject *parent = nullptr);
    ~CrlCache() override;

    // A cached CRL that is still current, or nothing (a stale entry is dropped).
    std::optional<CrlPtr> cached(const QUrl &url);
    // Starts (or joins) a download; `done` runs later from the event loop.
    void fetch(const QUrl &url, QObject *context, Callback done);
    // One CRL per group: each group lists the alternative distribution points of one
    // certificate, tried in order until one yields a CRL. `done` gets all of them, or the
    // first group's failure (code webhook.revocationUnavailable). Runs `done` inside this
    // call when everything is cached, otherwise later from the event loop.
    void collect(const std::vector<QList<QUrl>> &groups, QObject *context, ListCallback done);

    // Whether a distribution point may be fetched: http or https, no user info, and not a
    // loopback/private host unless allowLocalCrlHosts.
    Status checkUrl(const QUrl &url) const;
    // For each certificate of a verified chain (leaf first) that is not self-issued, its
    // http(s) CRL distribution points, to try in order. A certificate without one fails
    // with unavailableError(): revocation cannot be checked, so the delivery is refused.
    static Result<std::vector<QList<QUrl>>>
    distributionPoints(const std::vector<CertificatePtr> &chain);
    // DER or PEM.
    static Result<CrlPtr> parseCrl(const QByteArray &bytes);
    // The error every revocation-list failure maps to (fail closed).
    static Error unavailableError(const QString &detail);

Q_SIGNALS:
    void crlFetched(const QUrl &url, bool ok);

private:
    struct Entry
    {
        CrlPtr crl;
        QDateTime expiresAt;
    };
    struct Collection;

    // Once per download: parse, log, cache, signal.
    Result<CrlPtr> finish(const CoalescingDownloader::Download &download);
    void collectGroup(const std::shared_ptr<Collection> &state, std::size_t group,
                      qsizetype alternative);

    const WebhookTrustSettings m_settings;
    const Clock &m_clock;
    CoalescingDownloader *m_downloader;
    QHash<QUrl, Entry> m_entries;
};

} // namespace cosell
