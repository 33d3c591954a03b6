package io.tandem.query.live;

import java.util.List;

/** Who is watching a product's dashboard now: the distinct users with an open dashboard subscription, sorted. */
record PresenceView(String productId, List<String> watchers) {

    PresenceView {
        watchers = List.copyOf(watchers);
    }
}
