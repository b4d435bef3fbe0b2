// SPDX-License-Identifier: MIT
#include "core/webhook/certificatecache.h"

#include "core/util/clock.h"
#include "core/webhook/logging.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <openssl/x509.h>

#include <ctime>

namespace cosell {
namespace {

// Only allow-listed URLs get here, but paths are attacker-chosen: bound the memory.
constexpr qsizetype kMaxEntries = 32;

Error fetchError(const QString &message)
{
    return Error{Error::Kind::Unauthorized, QStringLiteral("webhook.certificateFetch"), message,
                 401, {}};
}

} // namespace

CertificateCache::CertificateCache(const WebhookTrustSettings &settings, const Clock &clock,
                                   QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_clock(clock)
    , m_network(new QNetworkAccessManager(this))
{
}

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
        qCInfo(lcWebhookVerify) << "cached certificate expired, fetching it again" << url.toString();
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
    auto &waiters = m_waiting[url];
    waiters.push_back(Waiter{context, std::move(done)});
    if (waiters.size() > 1)
        return; // a download is already running

    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_settings.certificateFetchTimeoutMs);
    request.setRawHeader("Accept", "application/pkix-cert, application/x-x509-ca-cert, */*");
    qCInfo(lcWebhookVerify) << "fetching certificate" << url.toString();
    QNetworkReply *reply = m_network->get(request);
    const qint64 limit = m_settings.maxCertificateBytes;
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply, limit](qint64 received) {
        if (received > limit)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { finish(reply); });
}

void CertificateCache::finish(QNetworkReply *reply)
{
    reply->deleteLater();
    const QUrl url = reply->request().url();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    Result<CertificatePtr> result = fetchError(QStringLiteral("certificate download failed"));
    if (reply->error() != QNetworkReply::NoError || status != 200) {
        qCWarning(lcWebhookVerify) << "certificate fetch failed" << url.toString() << status
                                   << reply->errorString();
    } else {
        const QByteArray bytes = reply->read(m_settings.maxCertificateBytes + 1);
        if (bytes.size() > m_settings.maxCertificateBytes) {
            qCWarning(lcWebhookVerify) << "certificate too large" << url.toString();
        } else {
            result = SignatureVerifier::parseCertificate(bytes);
            if (!result.ok())
                qCWarning(lcWebhookVerify) << "certificate unparsable" << url.toString();
        }
    }
    if (result.ok()) {
        if (m_entries.size() >= kMaxEntries)
            m_entries.clear();
        m_entries.insert(url, Entry{result.value(), m_clock.now()});
    }
    Q_EMIT certificateFetched(url, result.ok());

    std::vector<Waiter> waiters = m_waiting.take(url);
    for (const Waiter &waiter : waiters) {
        if (waiter.context)
            waiter.done(result);
    }
}

} // namespace cosell
