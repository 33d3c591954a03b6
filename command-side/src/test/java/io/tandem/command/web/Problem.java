package io.tandem.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Assertions on problem responses. */
public final class Problem {

    private Problem() {
    }

    /** The response is an RFC 7807 problem of that status and kind, with a detail and no stack trace. */
    public static JsonNode assertProblem(ApiClient.Response response, int status, String kind) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.contentType()).as("content type of %s", response).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("type").asText()).as("type of %s", response).isEqualTo("urn:tandem:problem:" + kind);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("trace");
        return problem;
    }
}
