package io.tandem.query.decisions;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;

/** Collects what a projection publishes. */
public final class RecordingPublisher implements ApplicationEventPublisher {

    private final List<Object> published = new ArrayList<>();

    @Override
    public void publishEvent(Object event) {
        published.add(event);
    }

    public <T> List<T> published(Class<T> type) {
        return published.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public List<Object> all() {
        return List.copyOf(published);
    }

    public void clear() {
        published.clear();
    }
}
