package io.tandem.command.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tandem.command.common.ForbiddenException;
import io.tandem.command.common.InvalidCommandException;
import io.tandem.command.common.NotFoundException;
import io.tandem.command.common.RuleViolationException;
import io.tandem.command.common.StaleVersionException;
import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.axonframework.monitoring.MessageMonitor;

/**
 * {@code tandem.commands}: a timer per command type ({@code command}, the class's simple name) and {@code outcome}.
 * {@code success} once the command's events are stored; {@code rejected} when the command was refused for a reason the
 * client caused (not found, not allowed, invalid, a business rule, a stale version, a conflicting append);
 * {@code error} for everything else (the store unreachable, a bug). Its count per second is the commands per second.
 */
final class CommandTimer implements MessageMonitor<Message<?>> {

    static final String NAME = "tandem.commands";

    private static final List<Class<? extends Throwable>> REJECTIONS = List.of(
            NotFoundException.class, AggregateNotFoundException.class, ForbiddenException.class,
            InvalidCommandException.class, RuleViolationException.class, StaleVersionException.class,
            ConcurrencyException.class, ConflictingModificationException.class);

    private final MeterRegistry registry;

    CommandTimer(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        String command = message instanceof CommandMessage<?> commandMessage
                ? simpleName(commandMessage.getCommandName()) : message.getPayloadType().getSimpleName();
        Timer.Sample sample = Timer.start(registry);
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                sample.stop(timer(command, "success"));
            }

            @Override
            public void reportFailure(Throwable cause) {
                sample.stop(timer(command, isRejection(cause) ? "rejected" : "error"));
            }

            @Override
            public void reportIgnored() {
            }
        };
    }

    private Timer timer(String command, String outcome) {
        return Timer.builder(NAME)
                    .description("Commands handled, by type and outcome")
                    .tag("command", command)
                    .tag("outcome", outcome)
                    .register(registry);
    }

    static boolean isRejection(Throwable thrown) {
        for (Throwable current = thrown; current != null; current = current.getCause()) {
            Throwable candidate = current;
            if (REJECTIONS.stream().anyMatch(type -> type.isInstance(candidate))) {
                return true;
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return false;
    }

    private static String simpleName(String commandName) {
        return commandName.substring(commandName.lastIndexOf('.') + 1);
    }
}
