package io.tandem.query.live;

import java.nio.charset.StandardCharsets;
import org.springframework.lang.Nullable;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompConversionException;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;

/**
 * Turns a refused client frame into a STOMP ERROR frame with a message that tells the client what went wrong but
 * nothing about the server's internals; Spring closes the connection after sending it.
 */
class StompErrors extends StompSubProtocolErrorHandler {

    private final int messageSizeLimit;

    StompErrors(int messageSizeLimit) {
        this.messageSizeLimit = messageSizeLimit;
    }

    @Override
    public Message<byte[]> handleClientMessageProcessingError(@Nullable Message<byte[]> clientMessage, Throwable ex) {
        String reason = reason(ex);
        StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
        error.setMessage(reason);
        StompHeaderAccessor client = clientMessage == null ? null
                : MessageHeaderAccessor.getAccessor(clientMessage, StompHeaderAccessor.class);
        if (client != null && client.getReceipt() != null) {
            error.setReceiptId(client.getReceipt());
        }
        error.setLeaveMutable(true);
        return MessageBuilder.createMessage(reason.getBytes(StandardCharsets.UTF_8), error.getMessageHeaders());
    }

    private String reason(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof FrameRefusedException refused) {
                return refused.getMessage();
            }
            if (cause instanceof AuthenticationException) {
                return "Authentication failed: send valid credentials in the CONNECT frame (Authorization header, "
                        + "or login and passcode).";
            }
            if (cause instanceof StompConversionException) {
                return "The frame is malformed or larger than " + messageSizeLimit + " bytes.";
            }
        }
        return "The frame was refused.";
    }
}
