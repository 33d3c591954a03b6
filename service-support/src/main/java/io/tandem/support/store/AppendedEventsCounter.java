package io.tandem.support.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.monitoring.MessageMonitor;

/**
 * {@code tandem.events.appended}: events this process appended to the event store. The event store reports an event
 * once its unit of work has committed (the append happens just before, while it prepares the commit), or at once
 * when it was published outside one; events of a command that failed are not counted. A service counts when it
 * declares this bean ({@link StoreConfiguration} gives it to the event store).
 */
public final class AppendedEventsCounter implements MessageMonitor<EventMessage<?>> {

    public static final String NAME = "tandem.events.appended";

    private final MonitorCallback callback;

    public AppendedEventsCounter(MeterRegistry registry) {
        Counter appended = Counter.builder(NAME)
                                  .description("Events this process appended to the event store")
                                  .register(registry);
        this.callback = new MonitorCallback() {
            @Override
            public void reportSuccess() {
                appended.increment();
            }

            @Override
            public void reportFailure(Throwable cause) {
            }

            @Override
            public void reportIgnored() {
            }
        };
    }

    @Override
    public MonitorCallback onMessageIngested(EventMessage<?> message) {
        return callback;
    }
}
