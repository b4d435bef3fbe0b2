// SPDX-License-Identifier: MIT
#include "core/webhook/crlcache.h"

#include "core/util/clock.h"
#include "core/webhook/logging.h"
#include "core/webhook/opensslutil.h"

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <QHostAddress>

namespace cosell {
namespace {

// A handful of CAs sign the chains we see: bound the memory all the same.
constexpr qsizetype kMaxEntries = 16;

std::optional<QDateTime> dateOf(const ASN1_TIME *time)
{
    const std::optional<qint64> seconds = opensslutil::epochSecondsOf(time);
    if (!seconds)
        return std::nullopt;
    return QDateTime::fromSecsSinceEpoch(*seconds, Qt::UTC);
}

bool isLocalAddress(const QHostAddress &address)
{
    static const QList<QPair<QHostAddress, int>> privateNets {
        QHostAddress::parseSubnet(QStringLiteral("10.0.0.0/8")),
        QHostAddress::parseSubnet(QStringLiteral("172.16.0.0/12")),
        QHostAddress::parseSubnet(QStringLiteral("192.168.0.0/16")),
        QHostAddress::parseSubnet(QStringLiteral("100.64.0.0/10")),
        QHostAddress::parseSubnet(QStringLiteral("169.254.0.0/16")),
        QHostAddress::parseSubnet(QStringLiteral("0.0.0.0/8")),
        QHostAddress::parseSubnet(QStringLiteral("fc00::/7")),
        QHostAddress::parseSubnet(QStringLiteral("fe80::/10")),
    };
    if (address.isLoopback() || !address.isGlobal())
        return true;
    for (const auto &net : privateNets) {
        if (address.isInSubnet(net))
            return true;
    }
    return false;
}

} // namespace

struct CrlCache::Collection
{
    std::vector<QList<QUrl>> groups;
    std::vector<CrlPtr> crls;
    std::size_t remaining = 0;
    bool failed = false;
    QString lastFailure;
    QPointer<QObject> context;
    ListCallback done;
};

CrlCache::CrlCache(const WebhookTrustSettings &settings, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_clock(clock)
    , m_downloader(new CoalescingDownloader(this))
{ }

CrlCache::~CrlCache() = default;

Error CrlCache::unavailableError(const QString &detail)
{
    // 503, not 401: the sender did nothing wrong and Partner Center delivers again later.
    return Error {Error::Kind::Transient,
                  QStringLiteral("webhook.revocationUnavailable"),
                  QStringLiteral("Certificate revocation list unavailable: ") + detail,
                  503,
                  {}};
}

Status CrlCache::checkUrl(const QUrl &url) const
{
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != u"http" && scheme != u"https") || url.host().isEmpty())
        return unavailableError(QStringLiteral("distribution point is not an http(s) URL"));
    if (!url.userInfo().isEmpty())
        return unavailableError(QStringLiteral("user info in distribution point URL"));
    if (!m_settings.allowLocalCrlHosts) {
        const QHostAddress address(url.host());
        const bool local = url.host().compare(u"localhost", Qt::CaseInsensitive) == 0
            || url.host().endsWith(u".localhost", Qt::CaseInsensitive)
            || (!address.isNull() && isLocalAddress(address));
        if (local)
            return unavailableError(QStringLiteral("distribution point on a local host"));
    }
    return {};
}

Result<CrlPtr> CrlCache::parseCrl(const QByteArray &bytes)
{
    X509_CRL *crl =
        opensslutil::parseDerOrPem(bytes, &d2i_X509_CRL, &PEM_read_bio_X509_CRL, &X509_CRL_free);
    if (!crl)
        return unavailableError(QStringLiteral("CRL is neither DER nor PEM"));
    return CrlPtr(crl, &X509_CRL_free);
}

Result<std::vector<QList<QUrl>>>
CrlCache::distributionPoints(const std::vector<CertificatePtr> &chain)
{
    std::vector<QList<QUrl>> groups;
    for (const CertificatePtr &cert : chain) {
        if (X509_get_extension_flags(cert.get()) & EXFLAG_SI)
            continue; // the anchor: its own CRL is the one its child names
        QList<QUrl> urls;
        auto *points = static_cast<CRL_DIST_POINTS *>(
            X509_get_ext_d2i(cert.get(), NID_crl_distribution_points, nullptr, nullptr));
        for (int i = 0; points && i < sk_DIST_POINT_num(points); ++i) {
            const DIST_POINT *point = sk_DIST_POINT_value(points, i);
            if (!point->distpoint || point->distpoint->type != 0)
                continue; // only fullName; nameRelativeToCRLIssuer is not a URL
            const GENERAL_NAMES *names = point->distpoint->name.fullname;
            for (int j = 0; j < sk_GENERAL_NAME_num(names); ++j) {
                const GENERAL_NAME *name = sk_GENERAL_NAME_value(names, j);
                if (name->type != GEN_URI)
                    continue;
                const ASN1_IA5STRING *uri = name->d.uniformResourceIdentifier;
                const QUrl url(
                    QString::fromLatin1(reinterpret_cast<const char *>(ASN1_STRING_get0_data(uri)),
                                        ASN1_STRING_length(uri)),
                    QUrl::StrictMode);
                const QString scheme = url.scheme().toLower();
                if (url.isValid() && (scheme == u"http" || scheme == u"https"))
                    urls.append(url);
            }
        }
        CRL_DIST_POINTS_free(points);
        ERR_clear_error();
        if (urls.isEmpty()) {
            qCWarning(lcWebhook) << "revocation list unavailable: a certificate of the chain"
                                    " names no http(s) CRL distribution point";
            return unavailableError(QStringLiteral("no CRL distribution point"));
        }
        groups.push_back(urls);
    }
    return groups;
}

std::optional<CrlPtr> CrlCache::cached(const QUrl &url)
{
    const auto it = m_entries.constFind(url);
    if (it == m_entries.cend())
        return std::nullopt;
    if (it->expiresAt <= m_clock.now()) {
        m_entries.erase(it);
        return std::nullopt;
    }
    return it->crl;
}

void CrlCache::fetch(const QUrl &url, QObject *context, Callback done)
{
    const CoalescingDownloader::Request request {
        "application/pkix-crl, application/x-pkcs7-crl, */*", m_settings.crlFetchTimeoutMs,
        m_settings.maxCrlBytes};
    const bool started = m_downloader->get<CrlPtr>(
        url, request, context, std::move(done),
        [this](const CoalescingDownloader::Download &download) { return finish(download); });
    if (started)
        qCInfo(lcWebhookVerify) << "fetching CRL" << url.toString();
}

Result<CrlPtr> CrlCache::finish(const CoalescingDownloader::Download &download)
{
    const QUrl &url = download.url;
    Result<CrlPtr> result = unavailableError(QStringLiteral("download failed"));
    if (download.failed) {
        qCWarning(lcWebhook) << "revocation list unavailable: CRL fetch failed" << url.toString()
                             << download.status << download.errorString;
    } else if (download.tooLarge) {
        qCWarning(lcWebhook) << "revocation list unavailable: CRL too large" << url.toString();
        result = unavailableError(QStringLiteral("CRL too large"));
    } else {
        result = parseCrl(download.body);
        if (!result.ok())
            qCWarning(lcWebhook) << "revocation list unavailable: CRL unparsable" << url.toString();
    }
    if (result.ok()) {
        const QDateTime now = m_clock.now();
        QDateTime expiresAt = now.addSecs(m_settings.crlCacheSeconds);
        const std::optional<QDateTime> next =
            dateOf(X509_CRL_get0_nextUpdate(result.value().get()));
        if (next && *next < expiresAt)
            expiresAt = *next;
        if (next && next->addSecs(m_settings.clockSkewSeconds) < now) {
            qCWarning(lcWebhook) << "revocation list unavailable: CRL out of date (nextUpdate"
                                 << next->toString(Qt::ISODate) << ")" << url.toString();
            result = unavailableError(QStringLiteral("CRL out of date"));
        } else {
            if (m_entries.size() >= kMaxEntries)
                m_entries.clear();
            m_entries.insert(url, Entry {result.value(), expiresAt});
        }
    }
    Q_EMIT crlFetched(url, result.ok());
    return result;
}

void CrlCache::collect(const std::vector<QList<QUrl>> &groups, QObject *context, ListCallback done)
{
    auto state = std::make_shared<Collection>();
    state->groups = groups;
    state->crls.resize(groups.size());
    state->remaining = groups.size();
    state->context = context;
    state->done = std::move(done);
    if (groups.empty()) {
        state->done(std::vector<CrlPtr> {});
        return;
    }
    for (std::size_t g = 0; g < groups.size() && !state->failed; ++g)
        collectGroup(state, g, 0);
}

void CrlCache::collectGroup(const std::shared_ptr<Collection> &state, std::size_t group,
                            qsizetype alternative)
{
    if (state->failed)
        return;
    const QList<QUrl> &urls = state->groups[group];
    if (alternative >= urls.size()) {
        state->failed = true;
        const QString detail = state->lastFailure.isEmpty()
            ? QStringLiteral("no usable distribution point")
            : state->lastFailure;
        qCWarning(lcWebhook).noquote() << "revocation list unavailable:" << detail;
        if (state->context)
            state->done(unavailableError(detail));
        return;
    }
    const QUrl url = urls.at(alternative);
    if (Status s = checkUrl(url); !s) {
        qCWarning(lcWebhook).noquote()
            << "CRL distribution point refused" << url.toString() << "-" << s.error().message;
        state->lastFailure = QStringLiteral("distribution point %1 refused").arg(url.toString());
        return collectGroup(state, group, alternative + 1);
    }
    const auto store = [state, group](const CrlPtr &crl) {
        state->crls[group] = crl;
        if (--state->remaining == 0 && state->context)
            state->done(state->crls);
    };
    if (std::optional<CrlPtr> crl = cached(url))
        return store(*crl);
    fetch(url, this, [this, state, group, alternative, store, url](const Result<CrlPtr> &crl) {
        if (crl.ok())
            return store(crl.value());
        state->lastFailure = QStringLiteral("cannot fetch %1").arg(url.toString());
        collectGroup(state, group, alternative + 1);
    });
}

} // namespace cosell
