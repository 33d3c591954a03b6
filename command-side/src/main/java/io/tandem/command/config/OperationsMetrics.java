package io.tandem.command.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.tandem.support.store.AppendedEventsCounter;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The command side's meters: commands by type and outcome, and the events it appends. */
@Configuration(proxyBeanMethods = false)
class OperationsMetrics {

    /** {@code tandem.commands} on the command bus: Axon reports each command when its unit of work has ended. */
    @Bean
    ConfigurerModule commandTimerModule(MeterRegistry registry) {
        CommandTimer timer = new CommandTimer(registry);
        return configurer -> configurer.configureMessageMonitor(CommandBus.class,
                (configuration, componentType, componentName) -> timer);
    }

    /** {@code tandem.events.appended}, counted by the event store. */
    @Bean
    AppendedEventsCounter appendedEventsCounter(MeterRegistry registry) {
        return new AppendedEventsCounter(registry);
    }
}
