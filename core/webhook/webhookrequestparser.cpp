// SPDX-License-Identifier: MIT
#include "core/webhook/webhookrequestparser.h"

#include <utility>

namespace cosell {
namespace {

Error refuse(int status, const char *code, const QString &message)
{
    const Error::Kind kind = status == 401 ? Error::Kind::Unauthorized : Error::Kind::Invalid;
    return Error {kind, QStringLiteral("webhook.") + QLatin1String(code), message, status, {}};
}

// "Signature <base64>" or, for x-ms-signature only, a bare base64 value (§4.6).
std::optional<QByteArray> decodeSignature(QByteArray value, bool bareAllowed)
{
    value = value.trimmed();
    const qsizetype space = value.indexOf(' ');
    if (space >= 0) {
        if (value.left(space).compare("Signature", Qt::CaseInsensitive) != 0)
            return std::nullopt;
        value = value.mid(space + 1).trimmed();
    } else if (!bareAllowed) {
        return std::nullopt;
    }
    // RSA signatures are at most 8192 bits: anything longer is not ours to decode.
    if (value.isEmpty() || value.size() > 2048)
        return std::nullopt;
    auto decoded = QByteArray::fromBase64Encoding(value, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return std::nullopt;
    return std::move(decoded.decoded);
}

bool isJsonContentType(const QByteArray &value)
{
    const QList<QByteArray> parts = value.split(';');
    if (parts.first().trimmed().compare("application/json", Qt::CaseInsensitive) != 0)
        return false;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QByteArray param = parts.at(i).trimmed();
        const qsizetype eq = param.indexOf('=');
        if (eq < 0)
            return false;
        if (param.left(eq).trimmed().compare("charset", Qt::CaseInsensitive) != 0)
            continue;
        QByteArray charset = param.mid(eq + 1).trimmed();
        if (charset.startsWith('"') && charset.endsWith('"') && charset.size() >= 2)
            charset = charset.mid(1, charset.size() - 2);
        if (charset.compare("utf-8", Qt::CaseInsensitive) != 0)
            return false;
    }
    return true;
}

} // namespace

WebhookRequestParser::WebhookRequestParser(QByteArray path, qint64 maxBodyBytes)
    : m_path(std::move(path))
    , m_maxBodyBytes(maxBodyBytes)
{ }

std::optional<QByteArray> WebhookRequestParser::singleHeader(const WebhookHttpRequest &request,
                                                             QByteArrayView name, bool *ambiguous)
{
    std::optional<QByteArray> found;
    for (const auto &header : request.headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        if (found) {
            *ambiguous = true;
            return std::nullopt;
        }
        found = header.second;
    }
    return found;
}

Result<SignedWebhookRequest> WebhookRequestParser::parse(const WebhookHttpRequest &request) const
{
    if (request.method != "POST")
        return refuse(405, "method", QStringLiteral("only POST is accepted"));
    if (request.path != m_path)
        return refuse(404, "path", QStringLiteral("no webhook at this path"));
    if (request.body.size() > m_maxBodyBytes)
        return refuse(413, "tooLarge",
                      QStringLiteral("body larger than %1 bytes").arg(m_maxBodyBytes));

    bool ambiguous = false;
    const auto contentType = singleHeader(request, "content-type", &ambiguous);
    if (ambiguous || !contentType || !isJsonContentType(*contentType))
        return refuse(415, "contentType", QStringLiteral("Content-Type must be application/json"));
    const auto encoding = singleHeader(request, "content-encoding", &ambiguous);
    if (ambiguous
        || (encoding && encoding->trimmed().compare("identity", Qt::CaseInsensitive) != 0))
        return refuse(415, "contentEncoding", QStringLiteral("encoded bodies are not accepted"));

    SignedWebhookRequest out;
    const auto authorization = singleHeader(request, "authorization", &ambiguous);
    const auto msSignature = singleHeader(request, "x-ms-signature", &ambiguous);
    if (ambiguous)
        return refuse(401, "signature", QStringLiteral("signature header given twice"));
    std::optional<QByteArray> signature;
    if (authorization) {
        signature = decodeSignature(*authorization, false);
        if (!signature && !msSignature)
            return refuse(401, "signature",
                          QStringLiteral("Authorization is not a Signature credential"));
    }
    if (!signature && msSignature) {
        signature = decodeSignature(*msSignature, true);
        if (!signature)
            return refuse(401, "signature", QStringLiteral("x-ms-signature is not a signature"));
    }
    if (!signature)
        return refuse(401, "signature", QStringLiteral("Authorization header missing."));
    out.signature = std::move(*signature);

    const auto certificateUrl = singleHeader(request, "x-ms-certificate-url", &ambiguous);
    if (ambiguous || !certificateUrl || certificateUrl->trimmed().isEmpty())
        return refuse(400, "certificateUrl", QStringLiteral("X-MS-Certificate-Url missing"));
    out.certificateUrl = QUrl(QString::fromLatin1(certificateUrl->trimmed()), QUrl::StrictMode);
    if (!out.certificateUrl.isValid() || out.certificateUrl.isRelative()
        || out.certificateUrl.host().isEmpty())
        return refuse(400, "certificateUrl", QStringLiteral("X-MS-Certificate-Url is not a URL"));

    const auto algorithm = singleHeader(request, "x-ms-signature-algorithm", &ambiguous);
    if (ambiguous || !algorithm || algorithm->trimmed().isEmpty())
        return refuse(400, "algorithm", QStringLiteral("X-MS-Signature-Algorithm missing"));
    // "rsa-sha256": split on '-', first part RSA (any case), second the hash (§4.6).
    const QList<QByteArray> parts = algorithm->trimmed().toLower().split('-');
    if (parts.size() != 2 || parts.at(0) != "rsa"
        || (parts.at(1) != "sha256" && parts.at(1) != "sha384" && parts.at(1) != "sha512"))
        return refuse(400, "algorithm", QStringLiteral("unsupported signature algorithm"));
    out.digestName = parts.at(1);
    out.body = request.body;
    return out;
}

} // namespace cosell
