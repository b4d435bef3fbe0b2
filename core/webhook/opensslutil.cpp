// SPDX-License-Identifier: MIT
#include "core/webhook/opensslutil.h"

namespace cosell::opensslutil {

std::optional<qint64> epochSecondsOf(const ASN1_TIME *time)
{
    static const std::unique_ptr<ASN1_TIME, decltype(&ASN1_TIME_free)> epoch(
        ASN1_TIME_set(nullptr, 0), &ASN1_TIME_free);
    int days = 0;
    int seconds = 0;
    if (!epoch || !time || ASN1_TIME_diff(&days, &seconds, epoch.get(), time) != 1)
        return std::nullopt;
    return qint64(days) * 86400 + seconds;
}

std::unique_ptr<BIO, decltype(&BIO_free)> memoryBio(const QByteArray &bytes)
{
    return {BIO_new_mem_buf(bytes.constData(), int(bytes.size())), &BIO_free};
}

} // namespace cosell::opensslutil
