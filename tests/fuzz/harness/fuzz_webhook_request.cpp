// SPDX-License-Identifier: MIT
// libFuzzer target: raw webhook requests through the envelope parser and the event JSON.
#include "tests/fuzz/webhookfuzzinput.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray raw(reinterpret_cast<const char *>(data), qsizetype(size));
    const cosell::fuzz::Outcome outcome = cosell::fuzz::runOne(raw);
    // Contract: a refusal is one of the documented status codes.
    switch (outcome.envelopeStatus) {
    case 0:
    case 400:
    case 401:
    case 404:
    case 405:
    case 413:
    case 415:
        break;
    default:
        std::abort();
    }
    return 0;
}
