// SPDX-License-Identifier: MIT
#include "core/webhook/certificatecache.h"

#include "core/util/clock.h"
#include "core/webhook/logging.h"

#include <ctime>
#include <openssl/x509.h>

namespace cosell {
namespace {

// Only allow-listed URLs get here, but paths are attacker-chosen: bound the memory.
constexpr qsizetype kMaxEntries = 32;

Error fetchError(const QString &message)
{
    return Error {
        Error::Kind::Unauthorized, QStringLiteral("webhook.certificateFetch"), message, 401, {}};
}

} // namespace

CertificateCache::CertificateCache(const WebhookTrustSettings &settings, const Clock &clock,
                                   QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_clock(clock)
    , m_downloader(new CoalescingDownloader(this))
{ }

CertificateCache::~CertificateCache() = default;

std::optional<CertificatePtr> CertificateCache::cached(const QUrl &url)
{
    const auto it = m_entries.constFind(url);
    if (it == m_entries.cend())
        return std::nullopt;
    const QDateTime now = m_clock.now();
    if (it->fetchedAt.secsTo(now) >= m_settings.certificateCacheSeconds) {
        m_entries.erase(it);
        return std::nullopt;
    }
    // Expired even with the skew: the verifier would refuse it, a new download may not.
    time_t latestAccepted = time_t(now.toSecsSinceEpoch() - m_settings.clockSkewSeconds);
    if (X509_cmp_time(X509_get0_notAfter(it->certificate.get()), &latestAccepted) < 0) {
        qCInfo(lcWebhookVerify) << "cached certificate expired, fetching it again"
                                << url.toString();
        m_entries.erase(it);
        return std::nullopt;
    }
    return it->certificate;
}

bool CertificateCache::forget(const QUrl &url, int minAgeSeconds)
{
    const auto it = m_entries.constFind(url);
    if (it == m_entries.cend() || it->fetchedAt.secsTo(m_clock.now()) < minAgeSeconds)
        return false;
    qCInfo(lcWebhookVerify) << "certificate failed a verification, fetching it again next time"
                            << url.toString();
    m_entries.erase(it);
    return true;
}

void CertificateCache::fetch(const QUrl &url, QObject *context, Callback done)
{
    const CoalescingDownloader::Request request {
        "application/pkix-cert, application/x-x509-ca-cert, */*",
        m_settings.certificateFetchTimeoutMs, m_settings.maxCertificateBytes};
    const bool started = m_downloader->get<CertificatePtr>(
        url, request, context, std::move(done),
        [this](const CoalescingDownloader::Download &download) { return finish(download); });
    if (started)
        qCInfo(lcWebhookVerify) << "fetching certificate" << url.toString();
}

Result<CertificatePtr> CertificateCache::finish(const CoalescingDownloader::Download &download)
{
    const QUrl &url = download.url;
    Result<CertificatePtr> result = fetchError(QStringLiteral("certificate download failed"));
    if (download.failed) {
        qCWarning(lcWebhookVerify) << "certificate fetch failed" << url.toString()
                                   << download.status << download.errorString;
    } else if (download.tooLarge) {
        qCWarning(lcWebhookVerify) << "certificate too large" << url.toString();
    } else {
        result = SignatureVerifier::parseCertificate(download.body);
        if (!result.ok())
            qCWarning(lcWebhookVerify) << "certificate unparsable" << url.toString();
    }
    if (result.ok()) {
        if (m_entries.size() >= kMaxEntries)
            m_entries.clear();
        m_entries.insert(url, Entry {result.value(), m_clock.now()});
    }
    Q_EMIT certificateFetched(url, result.ok());
    return result;
}

} // namespace cosell
