package io.tandem.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * An HTTP client that records every answer instead of failing on errors: status -1 means no answer at all (the
 * connection was refused or cut, or the request timed out).
 */
final class RawApi {

    /** An answer: status (-1 when none), its JSON body (missing when not JSON) and headers. */
    record Answer(int status, JsonNode body, HttpHeaders headers) {

        boolean accepted() {
            return status / 100 == 2;
        }

        boolean answered() {
            return status > 0;
        }

        String header(String name) {
            return headers == null ? null : headers.firstValue(name).orElse(null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final Duration timeout;

    RawApi(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl;
        this.timeout = timeout;
    }

    Answer post(String user, String path, String json, Map<String, String> headers) {
        return send("POST", user, path, json, headers);
    }

    Answer send(String method, String user, String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return send(user, request, headers);
    }

    Answer get(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), Map.of());
    }

    private Answer send(String user, HttpRequest.Builder request, Map<String, String> headers) {
        headers.forEach(request::header);
        request.header("Authorization", Api.basic(user)).timeout(timeout);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = response.body().isEmpty() ? MissingNode.getInstance() : JSON.readTree(response.body());
            } catch (IOException notJson) {
                body = MissingNode.getInstance();
            }
            return new Answer(response.statusCode(), body, response.headers());
        } catch (IOException noAnswer) {
            return new Answer(-1, MissingNode.getInstance(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, MissingNode.getInstance(), null);
        }
    }
}
