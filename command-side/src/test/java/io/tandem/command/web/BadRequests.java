package io.tandem.command.web;

import io.tandem.command.common.Texts;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Requests to the described command endpoints that must all be refused: bad bodies ({@link BadBodies}), garbage or
 * unknown ids in the path, malformed headers, bodies over the size limit, the wrong Content-Type or method. All else
 * in a request is valid and names a real product and its items, so each is refused for its defect alone; half of them
 * carry a fresh, well-formed Idempotency-Key, whose record a refusal must not leave behind.
 */
final class BadRequests {

    static final int BODY_LIMIT = 64 * 1024;

    /**
     * Path parameters whose garbage or unknown value must be refused: a user id may name anyone, and a customer
     * reference of the right shape may be forgotten whether or not it gave feedback, so only a malformed one is.
     */
    private static final Set<String> REFUSED_WHEN_UNKNOWN = Set.of("productId", "roadmapItemId", "backlogItemId",
            "objectiveId", "feedbackId", "role", "customerReference");

    private final List<DescribedEndpoint> endpoints;
    private final Map<String, String> validPathValues;
    private final String authorization;
    private final Map<DescribedEndpoint, BadBodies> bodies = new HashMap<>();

    BadRequests(List<DescribedEndpoint> endpoints, Map<String, String> validPathValues, String authorization) {
        this.endpoints = endpoints;
        this.validPathValues = validPathValues;
        this.authorization = authorization;
        for (DescribedEndpoint endpoint : endpoints) {
            if (endpoint.hasBody()) {
                bodies.put(endpoint, new BadBodies(endpoint.body()));
            }
            for (String parameter : endpoint.pathParameters()) {
                if (!validPathValues.containsKey(parameter)) {
                    throw new IllegalStateException(endpoint + " has a path parameter this test does not know: "
                            + parameter + "; give it a valid value");
                }
            }
        }
    }

    /** One kind of defect after the other, each to one of the endpoints it applies to. */
    Arbitrary<BadRequest> any() {
        List<Arbitrary<BadRequest>> kinds = new ArrayList<>(List.of(
                to(endpoints, this::hostileHeader),
                to(endpoints, this::oversized),
                to(endpoints, this::wrongMethod),
                to(endpoints.stream().filter(endpoint -> endpoint.pathParameters().stream()
                        .anyMatch(REFUSED_WHEN_UNKNOWN::contains)).toList(), this::garbagePathId),
                to(withBody(), endpoint -> wrongContentType(endpoint, bodies.get(endpoint)))));
        Set<String> bodyKinds = new LinkedHashSet<>();
        bodies.values().forEach(body -> bodyKinds.addAll(body.kinds().keySet()));
        for (String kind : bodyKinds) {
            kinds.add(to(withBody().stream().filter(endpoint -> bodies.get(endpoint).kinds().containsKey(kind))
                    .toList(), endpoint -> bodies.get(endpoint).kinds().get(kind).map(bad -> request(bad.defect(),
                    endpoint, validPathValues, Map.of(), "application/json", bad.json()))));
        }
        Arbitrary<String> keys = Arbitraries.strings().withChars("abcXYZ0189._:-").ofMinLength(1).ofMaxLength(40);
        return Combinators.combine(Arbitraries.oneOf(kinds), keys, Arbitraries.of(true, false)).as(
                (request, key, keyed) -> keyed && !request.headers().containsKey("Idempotency-Key")
                        ? request.withHeader("Idempotency-Key", "fuzz-" + key + "-" + UUID.randomUUID()) : request);
    }

    private static Arbitrary<BadRequest> to(List<DescribedEndpoint> endpoints,
            Function<DescribedEndpoint, Arbitrary<BadRequest>> defect) {
        return Arbitraries.of(endpoints).flatMap(defect);
    }

    private List<DescribedEndpoint> withBody() {
        return endpoints.stream().filter(DescribedEndpoint::hasBody).toList();
    }

    private Arbitrary<BadRequest> garbagePathId(DescribedEndpoint endpoint) {
        List<String> refusable = endpoint.pathParameters().stream().filter(REFUSED_WHEN_UNKNOWN::contains).toList();
        Arbitrary<String> garbage = Arbitraries.oneOf(
                Arbitraries.create(() -> UUID.randomUUID().toString()),
                Arbitraries.of(".", "..", "%", "%2F", "a/b", "a;b", "a\\b", " ", "null", "undefined", "0", "-1",
                        "*", "%00", "a?b=c", "a#b", "x".repeat(2000)),
                Combinators.combine(HostileText.characters(), Arbitraries.strings().alpha().ofMaxLength(20))
                        .as((hostile, text) -> text + hostile + text));
        return Arbitraries.of(refusable).flatMap(parameter -> garbage.filter(value ->
                !parameter.equals("customerReference") || !value.matches(Texts.CUSTOMER_REFERENCE_REGEX))
                .map(value -> {
            Map<String, String> values = new HashMap<>(validPathValues);
            values.put(parameter, value);
            return request("garbage " + parameter + ": " + HostileText.describe(value.length() > 60
                    ? value.substring(0, 60) + "…" : value), endpoint, values, Map.of(), "application/json",
                    validBody(endpoint));
        }));
    }

    /** Malformed headers; a blank If-Match or X-Correlation-Id counts as none (by design), so it is not here. */
    private Arbitrary<BadRequest> hostileHeader(DescribedEndpoint endpoint) {
        Arbitrary<Map.Entry<String, String>> header = Arbitraries.oneOf(
                Arbitraries.of("", " ", "a b", "key/1", "key;1", "*", "k\u00e9y", "key\t1", "<k>", "a,b",
                        "k".repeat(201)).map(value -> Map.entry("Idempotency-Key", value)),
                Arbitraries.of("\"abc\"", "W/\"1\"", "\"-1\"", "1.5", "\"1\", \"2\"", "\"99999999999999999999\"",
                        "\"999999999\"", "\"0\"", "\"", "\"1", "0x10").map(value -> Map.entry("If-Match", value)),
                Arbitraries.of("a b", "x".repeat(101), "<script>", "caf\u00e9", "id;drop", "a\tb", "a,b")
                        .map(value -> Map.entry("X-Correlation-Id", value)));
        return header.map(entry -> request("header " + entry.getKey() + ": " + HostileText.describe(
                entry.getValue()), endpoint, validPathValues, Map.of(entry.getKey(), entry.getValue()),
                "application/json", validBody(endpoint)));
    }

    /**
     * Bodies over the limit: refused at once by their Content-Length, or while being read when streamed in chunks
     * (so only to endpoints that read a body: one without a body ignores a stream it never reads).
     */
    private Arbitrary<BadRequest> oversized(DescribedEndpoint endpoint) {
        return Combinators.combine(Arbitraries.integers().between(1, 3 * BODY_LIMIT), Arbitraries.of(true, false))
                .as((excess, chunked) -> {
                    String padding = "x".repeat(BODY_LIMIT + excess);
                    byte[] body = ("{\"name\":\"" + padding + "\",\"title\":\"" + padding + "\"}")
                            .getBytes(StandardCharsets.UTF_8);
                    BadRequest request = request("oversized " + body.length + " bytes", endpoint, validPathValues,
                            Map.of(), "application/json", body);
                    return new BadRequest(request.defect(), request.method(), request.path(), request.headers(),
                            request.contentType(), body, chunked && endpoint.hasBody());
                });
    }

    private Arbitrary<BadRequest> wrongMethod(DescribedEndpoint endpoint) {
        Set<String> allowed = endpoints.stream().filter(other -> other.template().equals(endpoint.template()))
                .map(DescribedEndpoint::method).collect(Collectors.toSet());
        List<String> others = new ArrayList<>(List.of("GET", "PATCH", "PUT", "POST", "DELETE"));
        others.removeAll(allowed);
        return Arbitraries.of(others).map(method -> {
            BadRequest valid = request("method " + method, endpoint, validPathValues, Map.of(), "application/json",
                    validBody(endpoint));
            return new BadRequest(valid.defect(), method, valid.path(), valid.headers(), valid.contentType(),
                    method.equals("GET") ? null : valid.body(), false);
        });
    }

    private Arbitrary<BadRequest> wrongContentType(DescribedEndpoint endpoint, BadBodies bodies) {
        byte[] valid = BadBodies.bytes(bodies.valid());
        return Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=xyz", "application/octet-stream", "text/json", "garbage",
                        "application/", "application/jsonx", "application/json; charset=x-unknown",
                        "application/json; charset=\"", "(none)")
                .map(type -> request("Content-Type " + type, endpoint, validPathValues, Map.of(),
                        type.equals("(none)") ? null : type, valid));
    }

    private byte[] validBody(DescribedEndpoint endpoint) {
        return endpoint.hasBody() ? BadBodies.bytes(bodies.get(endpoint).valid()) : null;
    }

    private BadRequest request(String defect, DescribedEndpoint endpoint, Map<String, String> pathValues,
            Map<String, String> headers, String contentType, byte[] body) {
        Map<String, String> encoded = new HashMap<>();
        pathValues.forEach((name, value) -> encoded.put(name, encode(value)));
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Authorization", authorization);
        return new BadRequest(defect, endpoint.method(), endpoint.path(encoded), Map.copyOf(all),
                body == null ? null : contentType, body, false);
    }

    /** Percent-encodes everything but the unreserved characters (a lone surrogate becomes {@code ?}). */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
    }
}
