package io.tandem.query.config;

import com.mongodb.client.MongoClient;
import io.tandem.query.readmodel.Rebuilds;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The query side's processors in {@code /actuator/health}: each one's state, claimed segments, the events parked
 * in its dead-letter queue and the progress of its last read-model rebuild. DOWN when a processor is stopped or in
 * error; {@value #PARKED} (HTTP 200) when events are parked, so an operator sees a poison event without the node being
 * taken out of service.
 */
@Component("processors")
class ProcessorsHealthIndicator extends AbstractHealthIndicator {

    static final String PARKED = "EVENTS_PARKED";

    private final EventProcessingConfiguration processing;
    private final Rebuilds rebuilds;
    private final MongoClient store;

    ProcessorsHealthIndicator(EventProcessingConfiguration processing, Rebuilds rebuilds, MongoClient store) {
        this.processing = processing;
        this.rebuilds = rebuilds;
        this.store = store;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Status status = Status.UP;
        long parkedTotal = 0;
        // counting parked events reads the store: with none reachable it would hold the probe for the driver's
        // server selection timeout, per processor (eventStore reports the outage)
        boolean storeReachable = store.getClusterDescription().hasWritableServer();
        for (String group : ProcessorConfiguration.GROUPS) {
            Map<String, Object> details = new LinkedHashMap<>();
            EventProcessor processor = processing.eventProcessor(group).orElse(null);
            boolean healthy = processor != null && processor.isRunning() && !processor.isError();
            details.put("running", processor != null && processor.isRunning());
            details.put("error", processor != null && processor.isError());
            if (processor instanceof StreamingEventProcessor streaming) {
                details.put("claimedSegments", streaming.processingStatus().keySet());
                details.put("replaying", streaming.isReplaying());
            }
            rebuilds.progress(group).ifPresent(rebuild -> details.put("rebuild", rebuild));
            if (storeReachable) {
                long parked = processing.deadLetterQueue(group).map(queue -> queue.size()).orElse(0L);
                details.put("parkedEvents", parked);
                parkedTotal += parked;
            } else {
                details.put("parkedEvents", "unknown: the store is unreachable");
            }
            builder.withDetail(group, details);
            if (!healthy) {
                status = Status.DOWN;
            }
        }
        builder.status(status == Status.UP && parkedTotal > 0 ? new Status(PARKED) : status);
    }
}
