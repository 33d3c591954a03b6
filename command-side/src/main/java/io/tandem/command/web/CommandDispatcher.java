package io.tandem.command.web;

import io.tandem.command.common.CommandResult;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Sends a command through Axon with the request's metadata and turns its result into the HTTP answer. */
@Component
class CommandDispatcher {

    /** The status an accepted command is answered with, for the idempotency records (not copied into events). */
    static final String ANSWER_STATUS = "answerStatus";

    private final CommandGateway gateway;
    private final long timeoutMillis;

    CommandDispatcher(CommandGateway gateway, CommandApiProperties properties) {
        this.gateway = gateway;
        this.timeoutMillis = properties.commandTimeout().toMillis();
    }

    /** Sends a command that creates something: 201 with the new id. */
    ResponseEntity<CommandResponse> create(Object command, CommandContext context) {
        return send(command, context, HttpStatus.CREATED);
    }

    /** Sends a command that changes something that exists: 200. */
    ResponseEntity<CommandResponse> change(Object command, CommandContext context) {
        return send(command, context, HttpStatus.OK);
    }

    private ResponseEntity<CommandResponse> send(Object command, CommandContext context, HttpStatus status) {
        CommandResult result = gateway.sendAndWait(command, context.metaData().and(ANSWER_STATUS, status.value()),
                                                   timeoutMillis, TimeUnit.MILLISECONDS);
        if (result == null) {
            throw new IllegalStateException("No result for " + command.getClass().getSimpleName());
        }
        return ResponseEntity.status(status)
                .eTag(Long.toString(result.version()))
                .body(new CommandResponse(result.id(), result.version()));
    }
}
