// SPDX-License-Identifier: MIT
#pragma once

#include "core/util/result.h"
#include "core/webhook/coalescingdownloader.h"
#include "core/webhook/signatureverifier.h"
#include "core/webhook/webhooktrustsettings.h"

#include <functional>
#include <optional>

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QUrl>

namespace cosell {

class Clock;

// Certificates by URL (spec/partner-center.md §4.6 step 3): fetched once, asynchronously,
// kept for WebhookTrustSettings::certificateCacheSeconds. Concurrent requests for the same
// URL share one download. Failures are not cached: the next delivery tries again.
// The cache only downloads; trust is decided by SignatureVerifier on every use (so expiry
// is re-checked against the clock). Microsoft rotates certificates behind the same URL, so
// an entry is also dropped once its certificate has expired (notAfter plus the clock skew is
// past), and forget() drops one that failed a verification. Lives in one thread; callbacks
// run in that thread.
class CertificateCache final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CertificateCache)

public:
    using Callback = std::function<void(const Result<CertificatePtr> &)>;

    CertificateCache(const WebhookTrustSettings &settings, const Clock &clock,
                     QObject *parent = nullptr);
    ~CertificateCache() override;

    // A fresh cached certificate, or nothing (and the entry is gone if it was stale).
    std::optional<CertificatePtr> cached(const QUrl &url);
    // A verification with this URL's certificate failed: forget it if it was fetched at
    // least `minAgeSeconds` ago, so the next delivery downloads it again (a rotated
    // certificate). The age limit keeps a stream of bad signatures from causing a download
    // each. Returns whether the entry was dropped.
    bool forget(const QUrl &url, int minAgeSeconds);
    // Starts (or joins) a download. `done` runs later from the event loop, never inside
    // this call, and is dropped if `context` is destroyed first. Redirects are refused;
    // bodies above maxCertificateBytes are aborted.
    void fetch(const QUrl &url, QObject *context, Callback done);

Q_SIGNALS:
    void certificateFetched(const QUrl &url, bool ok);

private:
    struct Entry
    {
        CertificatePtr certificate;
        QDateTime fetchedAt;
    };

    // Once per download: parse, log, cache, signal.
    Result<CertificatePtr> finish(const CoalescingDownloader::Download &download);

    const WebhookTrustSettings m_settings;
    const Clock &m_clock;
    CoalescingDownloader *m_downloader;
    QHash<QUrl, Entry> m_entries;
};

} // namespace cosell
