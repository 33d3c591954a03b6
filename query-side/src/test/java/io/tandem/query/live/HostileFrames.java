package io.tandem.query.live;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * STOMP frames the server must refuse with an ERROR frame or by closing the connection: garbage commands, missing and
 * duplicated headers, huge headers and bodies, NUL in the middle, invalid UTF-8, SEND, SUBSCRIBE to foreign or invalid
 * destinations, frames before CONNECT and CONNECT with bad credentials.
 */
final class HostileFrames {

    /** A frame (text, or bytes when {@code bytes} is set), sent after a valid CONNECT as pm or as the first frame. */
    record HostileFrame(String defect, boolean afterConnect, String text, byte[] bytes) {

        void sendTo(RawStomp stomp) {
            if (bytes != null) {
                stomp.send(bytes);
            } else {
                stomp.send(text);
            }
        }

        @Override
        public String toString() {
            String shown = bytes != null ? "(" + bytes.length + " bytes)" : text.length() > 200
                    ? text.substring(0, 200) + "… (" + text.length() + " chars)" : text;
            return defect + (afterConnect ? " after CONNECT: " : ": ") + shown.replace("\0", "\\0").replace("\n", "\\n");
        }
    }

    private static final String[] HOSTILE = {"\u0000", "\u001b[31m", "\u202e", "\u200b", "\ud83d\ude00", "'; --",
            "${jndi:ldap://x/a}", "../", "%00", "\u0627"};

    private final String ownTopic;
    private final String foreignTopic;

    HostileFrames(String ownProductId, String foreignProductId) {
        this.ownTopic = "/topic/products/" + ownProductId + "/dashboard";
        this.foreignTopic = "/topic/products/" + foreignProductId + "/dashboard";
    }

    Arbitrary<HostileFrame> any() {
        return Arbitraries.oneOf(garbageCommands(), missingHeaders(), duplicatedHeaders(), oversized(), nulInside(),
                invalidUtf8(), sends(), badSubscriptions(), beforeConnect(), badCredentials());
    }

    private Arbitrary<HostileFrame> garbageCommands() {
        Arbitrary<String> words = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(12)
                        .filter(word -> !List.of("CONNECT", "STOMP", "SEND", "SUBSCRIBE", "UNSUBSCRIBE", "ACK",
                                "NACK", "BEGIN", "COMMIT", "ABORT", "DISCONNECT").contains(word)),
                Arbitraries.of("connect", "subscribe", "GET / HTTP/1.1", "{\"command\":\"SUBSCRIBE\"}", "SUBSCRIBE\u200b",
                        "<xml/>"),
                Arbitraries.of(HOSTILE).map(hostile -> "SUB" + hostile));
        return Combinators.combine(words, Arbitraries.of(true, false)).as((word, connected) ->
                new HostileFrame("garbage command", connected, RawStomp.frame(word, "", "destination:" + ownTopic),
                        null));
    }

    private Arbitrary<HostileFrame> missingHeaders() {
        return Arbitraries.of(
                RawStomp.frame("SUBSCRIBE", "", "id:1"),
                RawStomp.frame("SUBSCRIBE", ""),
                RawStomp.frame("SUBSCRIBE", "", "id:1", "destination:"),
                RawStomp.frame("SEND", "x"),
                RawStomp.frame("SUBSCRIBE", "", "id:1", ":" + ownTopic),
                RawStomp.frame("SUBSCRIBE", "", "id:1", "destination" + ownTopic))
                .map(frame -> new HostileFrame("missing header", true, frame, null));
    }

    private Arbitrary<HostileFrame> duplicatedHeaders() {
        return Arbitraries.of(
                new HostileFrame("destination twice, foreign first", true, RawStomp.frame("SUBSCRIBE", "", "id:1",
                        "destination:" + foreignTopic, "destination:" + ownTopic), null),
                new HostileFrame("Authorization twice, wrong first", false, RawStomp.frame("CONNECT", "",
                        "accept-version:1.2", "Authorization:Basic cG06d3Jvbmc=", "Authorization:Basic cG06ZGVtbw=="),
                        null),
                new HostileFrame("login twice, unknown first", false, RawStomp.frame("CONNECT", "",
                        "accept-version:1.2", "login:mallory", "login:pm", "passcode:x", "passcode:demo"), null));
    }

    private Arbitrary<HostileFrame> oversized() {
        return Combinators.combine(Arbitraries.integers().between(8 * 1024, 40 * 1024), Arbitraries.of(true, false))
                .as((size, inHeader) -> new HostileFrame(inHeader ? "huge header" : "huge body", true, inHeader
                        ? RawStomp.frame("SUBSCRIBE", "", "id:1", "destination:" + ownTopic, "x-pad:" + "x".repeat(size))
                        : RawStomp.frame("SEND", "x".repeat(size), "destination:" + ownTopic), null));
    }

    private Arbitrary<HostileFrame> nulInside() {
        String frame = RawStomp.frame("SUBSCRIBE", "", "id:1", "destination:" + foreignTopic);
        return Combinators.combine(Arbitraries.integers().between(1, frame.length() - 2), Arbitraries.of(true, false))
                .as((at, connected) -> new HostileFrame("NUL inside", connected,
                        frame.substring(0, at) + "\0" + frame.substring(at), null));
    }

    private Arbitrary<HostileFrame> invalidUtf8() {
        return Combinators.combine(Arbitraries.of(new byte[] {(byte) 0xff, (byte) 0xfe}, new byte[] {(byte) 0xc3, 0x28},
                new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}), Arbitraries.of(true, false)).as((bad, connected) -> {
                    byte[] head = ("SUBSCRIBE\nid:1\ndestination:" + foreignTopic).getBytes(StandardCharsets.UTF_8);
                    byte[] frame = new byte[head.length + bad.length + 3];
                    System.arraycopy(head, 0, frame, 0, head.length);
                    System.arraycopy(bad, 0, frame, head.length, bad.length);
                    frame[frame.length - 3] = '\n';
                    frame[frame.length - 2] = '\n';
                    frame[frame.length - 1] = 0;
                    return new HostileFrame("invalid UTF-8", connected, null, frame);
                });
    }

    private Arbitrary<HostileFrame> sends() {
        return Arbitraries.of(ownTopic, foreignTopic, "/app/anything", "/topic/products", "/queue/x", "")
                .map(destination -> new HostileFrame("SEND", true, RawStomp.frame("SEND", "{\"version\":999999}",
                        "destination:" + destination, "content-type:application/json"), null));
    }

    private Arbitrary<HostileFrame> badSubscriptions() {
        String own = ownTopic.replace("/dashboard", "");
        Arbitrary<String> destinations = Arbitraries.oneOf(
                Arbitraries.of(foreignTopic, foreignTopic.replace("dashboard", "decisions"), "/topic/products",
                        own, own + "/secrets", own + "/dashboard/extra", "/user/queue/errors", "/app/x",
                        "/topic/products/../products/x/dashboard", own.toUpperCase() + "/dashboard",
                        "/topic/products/*/dashboard", "/topic/products/#"),
                Arbitraries.of(HOSTILE).map(hostile -> own + "/dashboard" + hostile));
        return destinations.map(destination -> new HostileFrame("SUBSCRIBE " + destination, true,
                RawStomp.frame("SUBSCRIBE", "", "id:1", "destination:" + destination), null));
    }

    private Arbitrary<HostileFrame> beforeConnect() {
        return Arbitraries.of(
                RawStomp.frame("SUBSCRIBE", "", "id:1", "destination:" + ownTopic),
                RawStomp.frame("SEND", "x", "destination:" + ownTopic),
                RawStomp.frame("UNSUBSCRIBE", "", "id:1"),
                RawStomp.frame("ACK", "", "id:1"),
                RawStomp.frame("NACK", "", "id:1"),
                RawStomp.frame("BEGIN", "", "transaction:t1"),
                RawStomp.frame("COMMIT", "", "transaction:t1"),
                RawStomp.frame("ABORT", "", "transaction:t1"))
                .map(frame -> new HostileFrame("before CONNECT", false, frame, null));
    }

    private Arbitrary<HostileFrame> badCredentials() {
        Arbitrary<String> connects = Arbitraries.oneOf(
                Arbitraries.of(RawStomp.connect("pm", "wrong"), RawStomp.connect("mallory", "demo"),
                        RawStomp.connect("", ""), RawStomp.frame("CONNECT", "", "accept-version:1.2"),
                        RawStomp.frame("CONNECT", "", "accept-version:1.2", "Authorization:Basic !!!"),
                        RawStomp.frame("CONNECT", "", "accept-version:1.2", "Authorization:Basic " + "QQ"),
                        RawStomp.frame("CONNECT", "", "accept-version:1.2", "Authorization:Bearer eyJhbGciOiJub25lIn0.e30."),
                        RawStomp.frame("CONNECT", "", "accept-version:1.2", "Authorization:Digest x"),
                        RawStomp.frame("CONNECT", "", "accept-version:1.2", "passcode:demo")),
                Arbitraries.of(HOSTILE).map(hostile -> RawStomp.connect("pm" + hostile, "demo")));
        return connects.map(frame -> new HostileFrame("bad credentials", false, frame, null));
    }
}
