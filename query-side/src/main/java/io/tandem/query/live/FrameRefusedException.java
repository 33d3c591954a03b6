package io.tandem.query.live;

import org.springframework.messaging.MessagingException;

/** A client frame the server refuses; its message is safe to show the client in the STOMP ERROR frame. */
class FrameRefusedException extends MessagingException {

    FrameRefusedException(String publicMessage) {
        super(publicMessage);
    }
}
