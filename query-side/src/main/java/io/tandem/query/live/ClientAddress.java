package io.tandem.query.live;

import java.util.Map;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Keeps the client address of the WebSocket handshake with the session, so that the STOMP CONNECT counts failed
 * sign-ins per address like HTTP does (the servlet request's remote address: the container's view, which honours
 * forwarded headers only when the server is configured to trust them).
 */
final class ClientAddress implements HandshakeInterceptor {

    private static final String ATTRIBUTE = ClientAddress.class.getName();

    /** The address the session's handshake came from, or {@code null} when unknown. */
    static String of(StompHeaderAccessor accessor) {
        Map<String, Object> attributes = accessor.getSessionAttributes();
        return attributes == null ? null : (String) attributes.get(ATTRIBUTE);
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Map<String, Object> attributes) {
        if (request instanceof ServletServerHttpRequest servlet) {
            attributes.put(ATTRIBUTE, servlet.getServletRequest().getRemoteAddr());
        }
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Exception exception) {
        // nothing to do after the handshake
    }
}
