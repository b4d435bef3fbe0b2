// SPDX-License-Identifier: MIT
#pragma once

// Shared by the libFuzzer target and the corpus-regression unit test: turns raw request
// bytes ("POST /path HTTP/1.1\r\nName: value\r\n...\r\n\r\nbody") into the receiver's
// WebhookHttpRequest, then runs the envelope parser and the event JSON parser on it.
// Header-only so the clang/ASan fuzz build compiles it without the rest of the project.

#include "core/webhook/webhookevent.h"
#include "core/webhook/webhookrequestparser.h"

#include <QByteArray>

namespace cosell::fuzz {

struct Outcome
{
    int envelopeStatus = 0; // 0 = envelope accepted, else the refusal's status code
    bool eventParsed = false;
};

inline WebhookHttpRequest splitRawRequest(const QByteArray &raw)
{
    WebhookHttpRequest request;
    qsizetype headEnd = raw.indexOf("\r\n\r\n");
    const QByteArray head = headEnd < 0 ? raw : raw.left(headEnd);
    request.body = headEnd < 0 ? QByteArray() : raw.mid(headEnd + 4);
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    request.path = requestLine.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        request.headers.append(
            qMakePair(line.left(colon).trimmed(), line.mid(colon + 1).trimmed()));
    }
    return request;
}

inline Outcome runOne(const QByteArray &raw)
{
    Outcome outcome;
    const WebhookHttpRequest request = splitRawRequest(raw);
    const WebhookRequestParser parser("/pc/webhook", 64 * 1024);
    const Result<SignedWebhookRequest> envelope = parser.parse(request);
    outcome.envelopeStatus = envelope.ok() ? 0 : envelope.error().httpStatus;
    // The event parser only ever sees authenticated bodies, but it must survive anything.
    const Result<WebhookEvent> event = WebhookEvent::fromJson(request.body);
    if (event.ok()) {
        outcome.eventParsed = true;
        (void)event->dedupeKey();
        (void)event->resourceId();
    }
    return outcome;
}

} // namespace cosell::fuzz
