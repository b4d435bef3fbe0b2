// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QRandomGenerator>

namespace cosell::sandbox {

// GUID-shaped ids (8-4-4-4-12 lower-case hex, version 4 / variant 1 bits set) for response
// headers such as Request-ID. QUuid::createUuid() reads the system entropy source on every
// call, which showed up per request; these come from a pseudo-random generator seeded once
// from it. Unique enough for request ids, not for secrets. One thread (the server's).
class RequestIdGenerator final
{
public:
    RequestIdGenerator()
        : m_random(QRandomGenerator::system()->generate())
    { }

    QByteArray next()
    {
        static constexpr char hex[] = "0123456789abcdef";
        quint64 words[2] = {m_random.generate64(), m_random.generate64()};
        words[0] = (words[0] & ~quint64(0xf000)) | 0x4000; // version 4
        words[1] = (words[1] & ~(quint64(0xc) << 60)) | (quint64(0x8) << 60); // variant 1
        QByteArray id(36, '-');
        int out = 0;
        for (int nibble = 0; nibble < 32; ++nibble) {
            if (out == 8 || out == 13 || out == 18 || out == 23)
                ++out;
            const quint64 word = words[nibble / 16];
            id[out++] = hex[(word >> (60 - 4 * (nibble % 16))) & 0xf];
        }
        return id;
    }

private:
    QRandomGenerator m_random;
};

} // namespace cosell::sandbox
