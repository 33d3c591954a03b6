package io.tandem.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** HTTP calls to one Tandem service as a demo user (HTTP Basic, password {@code demo}), JSON in and out. */
final class TandemHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    TandemHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", basic(user))
                .timeout(Duration.ofMinutes(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A 2xx answer's JSON, or an exception naming the status and the problem. */
    JsonNode getJson(String user, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(user, path);
        if (response.statusCode() / 100 != 2) {
            throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Sends a command; {@code method} is POST or PUT. */
    HttpResponse<String> send(String user, String method, String path, Object body)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", basic(user))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs a command that must succeed and answers its {@code id}. */
    String create(String user, String path, Object body) throws IOException, InterruptedException {
        HttpResponse<String> response = send(user, "POST", path, body);
        if (response.statusCode() / 100 != 2) {
            throw new IOException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).path("id").asText();
    }

    /** A Micrometer gauge of the service ({@code /actuator/metrics/<name>?tag=...}) in its base unit, NaN if absent. */
    double metric(String name, String tag) {
        try {
            JsonNode answer = getJson("pm", "/actuator/metrics/" + name + (tag == null ? "" : "?tag=" + tag));
            return answer.path("measurements").path(0).path("value").asDouble(Double.NaN);
        } catch (IOException | InterruptedException | RuntimeException unavailable) {
            if (unavailable instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Double.NaN;
        }
    }

    /**
     * The service's Prometheus scrape ({@code /actuator/prometheus}), empty if it cannot be read. Client-side
     * percentiles are only published there: the Prometheus registry does not add them to {@code /actuator/metrics}.
     */
    String prometheusScrape() {
        try {
            HttpResponse<String> response = get("pm", "/actuator/prometheus");
            return response.statusCode() / 100 == 2 ? response.body() : "";
        } catch (IOException | InterruptedException | RuntimeException unavailable) {
            if (unavailable instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return "";
        }
    }

    /**
     * The value of the scrape's line that is exactly {@code series} (name and labels as written there, e.g.
     * {@code tandem_live_push_latency_seconds{topic="dashboard",quantile="0.5"}}), NaN if absent.
     */
    static double prometheusSample(String scrape, String series) {
        for (String line : scrape.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim().split(" ")[0]);
            }
        }
        return Double.NaN;
    }
}
