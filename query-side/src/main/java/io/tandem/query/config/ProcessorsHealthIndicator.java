package io.tandem.query.config;

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

    ProcessorsHealthIndicator(EventProcessingConfiguration processing, Rebuilds rebuilds) {
        this.processing = processing;
        this.rebuilds = rebuilds;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Status status = Status.UP;
        long parkedTotal = 0;
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
            long parked = processing.deadLetterQueue(group).map(queue -> queue.size()).orElse(0L);
            details.put("parkedEvents", parked);
            parkedTotal += parked;
            builder.withDetail(group, details);
            if (!healthy) {
                status = Status.DOWN;
            }
        }
        builder.status(status == Status.UP && parkedTotal > 0 ? new Status(PARKED) : status);
    }
}
