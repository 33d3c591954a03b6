package io.tandem.command.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class BoundedAggregateCacheTest {

    @Test
    void keepsTheMostRecentlyUsedEntriesAndExpiresTheLeastRecentlyUsed() {
        BoundedAggregateCache cache = new BoundedAggregateCache(2);
        List<Object> expired = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add(key);
            }
        });
        cache.put("a", 1);
        cache.put("b", 2);
        assertThat((Integer) cache.get("a")).isEqualTo(1);

        cache.put("c", 3);

        assertThat(expired).containsExactly("b");
        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void putIfAbsentKeepsTheFirstAndRemoveForgets() {
        BoundedAggregateCache cache = new BoundedAggregateCache(10);

        assertThat(cache.putIfAbsent("a", 1)).isTrue();
        assertThat(cache.putIfAbsent("a", 2)).isFalse();
        assertThat((Integer) cache.get("a")).isEqualTo(1);
        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
        assertThat((Object) cache.get("a")).isNull();
    }
}
