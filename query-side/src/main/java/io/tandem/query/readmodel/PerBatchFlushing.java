package io.tandem.query.readmodel;

import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/** Every processor writes its projections' batch buffers before it stores the batch's token ({@link PerBatch}). */
@Configuration(proxyBeanMethods = false)
class PerBatchFlushing {

    @Autowired
    void flushBuffersBeforeTokens(EventProcessingConfigurer processing) {
        processing.registerDefaultHandlerInterceptor((configuration, processor) -> PerBatch.flushAfterLastEvent());
    }
}
