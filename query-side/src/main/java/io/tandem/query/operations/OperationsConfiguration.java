package io.tandem.query.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.tandem.support.logging.EventCorrelationInterceptor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * What the processors contribute to operations: the correlation id of the event being handled in the logs, and
 * their lag per segment as a meter.
 */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

    @Autowired
    void logEventCorrelation(EventProcessingConfigurer processing) {
        EventCorrelationInterceptor interceptor = new EventCorrelationInterceptor();
        processing.registerDefaultHandlerInterceptor((configuration, processorName) -> interceptor);
    }

    @Bean(destroyMethod = "close")
    ProcessorLagMetrics processorLagMetrics(EventProcessingConfiguration processing, EventStorageEngine engine,
                                            MeterRegistry registry) {
        return new ProcessorLagMetrics(() -> streamingProcessors(processing),
                                       () -> engine.createHeadToken().position().orElse(0),
                                       System::nanoTime, registry);
    }

    /** The gauges follow the processors' segments from when the processors have started. */
    @EventListener(ApplicationReadyEvent.class)
    void refreshLagGauges(ApplicationReadyEvent ready) {
        ready.getApplicationContext().getBean(ProcessorLagMetrics.class).start();
    }

    private static Map<String, StreamingEventProcessor> streamingProcessors(EventProcessingConfiguration processing) {
        Map<String, StreamingEventProcessor> streaming = new LinkedHashMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streamingProcessor) {
                streaming.put(name, streamingProcessor);
            }
        });
        return streaming;
    }
}
