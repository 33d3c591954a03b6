package io.tandem.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A tiny HTTP client for the services' JSON APIs, signed in as a demo user (password "demo"). */
final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    JsonNode post(String user, String path, String json) {
        return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path))
                                     .header("Content-Type", "application/json")
                                     .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    JsonNode get(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    private JsonNode send(String user, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.header("Authorization", basic(user)).build(),
                                                       HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new AssertionError(response.statusCode() + " from " + response.uri() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
