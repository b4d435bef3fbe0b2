// SPDX-License-Identifier: MIT
#include "core/sync/remoteside.h"

#include <memory>

namespace cosell {

void RemoteSide::createMany(const QList<CreateRequest> &requests,
                            std::function<void(QList<Result<SideRecord>>)> done)
{
    struct State
    {
        QList<CreateRequest> requests;
        QList<Result<SideRecord>> results;
        std::function<void(QList<Result<SideRecord>>)> done;
        std::function<void()> next;
    };
    auto state = std::make_shared<State>();
    state->requests = requests;
    state->done = std::move(done);
    std::weak_ptr<State> weak = state;
    state->next = [this, weak] {
        auto s = weak.lock();
        if (!s)
            return;
        if (s->results.size() == s->requests.size()) {
            auto done = std::move(s->done);
            auto results = std::move(s->results);
            done(std::move(results));
            return;
        }
        create(s->requests.at(s->results.size()), [s](Result<SideRecord> r) {
            s->results.append(std::move(r));
            s->next();
        });
    };
    state->next();
}

} // namespace cosell
