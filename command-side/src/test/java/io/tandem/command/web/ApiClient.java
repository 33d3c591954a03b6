package io.tandem.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A real HTTP client for the command API: {@code api.as("pm").post("/api/products", json)}. */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public ApiClient(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    /** Requests signed in as a demo user (password "demo"). */
    public Call as(String user) {
        return as(user, "demo");
    }

    public Call as(String user, String password) {
        return new Call().header("Authorization", basic(user, password));
    }

    /** The value of an HTTP Basic {@code Authorization} header. */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public Call anonymous() {
        return new Call();
    }

    /** One request being put together. */
    public final class Call {

        private final Map<String, String> headers = new LinkedHashMap<>();

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Response post(String path, String json) {
            return send("POST", path, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json), json);
        }

        public Response put(String path, String json) {
            return send("PUT", path, BodyPublishers.ofString(json), json);
        }

        public Response delete(String path) {
            return send("DELETE", path, BodyPublishers.noBody(), null);
        }

        public Response get(String path) {
            return send("GET", path, BodyPublishers.noBody(), null);
        }

        /** Sends any body; a Content-Type is only added when {@code json} is given and none was set. */
        public Response send(String method, String path, BodyPublisher body, String json) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body);
            if (json != null && !headers.containsKey("Content-Type")) {
                request.header("Content-Type", "application/json");
            }
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString());
                return new Response(response);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The answer, with its body parsed as JSON when it is JSON. */
    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public String body() {
            return raw.body();
        }

        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + raw.body(), e);
            }
        }

        public String id() {
            return json().path("id").asText();
        }

        public long version() {
            return json().path("version").asLong();
        }

        @Override
        public String toString() {
            return raw.statusCode() + " " + raw.headers().map() + " " + raw.body();
        }
    }
}
