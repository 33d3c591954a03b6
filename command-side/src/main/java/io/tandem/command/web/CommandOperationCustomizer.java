package io.tandem.command.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/** Documents what every command endpoint shares: its headers, the ETag of its answer and its problem responses. */
class CommandOperationCustomizer implements OperationCustomizer {

    private static final Map<String, String> PROBLEMS = new LinkedHashMap<>();

    static {
        PROBLEMS.put("400", "validation (invalid fields, listed in `errors`) or malformed-request (unreadable JSON, "
                + "unknown enum value, bad If-Match / Idempotency-Key / X-Correlation-Id)");
        PROBLEMS.put("401", "unauthorized: no or wrong credentials");
        PROBLEMS.put("403", "forbidden: a member whose role does not allow this decision");
        PROBLEMS.put("404", "not-found: no such product or item, or the caller is not a member of the product");
        PROBLEMS.put("409", "business-rule (the decision breaks a rule), or conflict (a concurrent change, or a "
                + "request with the same Idempotency-Key still in progress)");
        PROBLEMS.put("412", "precondition-failed: If-Match is not the current version");
        PROBLEMS.put("413", "payload-too-large: body over the limit (64 KiB by default)");
        PROBLEMS.put("415", "unsupported-media-type: the body is not application/json");
        PROBLEMS.put("422", "idempotency-key-reuse: the Idempotency-Key was used for a different request");
        PROBLEMS.put("500", "internal: an unexpected error (logged; no details are exposed)");
        PROBLEMS.put("503", "unavailable: the store did not answer in time; retry with the same Idempotency-Key");
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        boolean isCommand = Arrays.stream(handlerMethod.getMethodParameters())
                .anyMatch(parameter -> CommandContext.class.equals(parameter.getParameterType()));
        if (!isCommand) {
            return operation;
        }
        operation.addParametersItem(header("If-Match",
                "Version the decision was made on, e.g. \"3\" (the ETag of an earlier answer); 412 when stale"));
        operation.addParametersItem(header(CommandContextResolver.IDEMPOTENCY_HEADER,
                "1-200 characters of [A-Za-z0-9._:-]; a retry with the same key returns the first answer"));
        operation.addParametersItem(header(CommandContextResolver.CORRELATION_HEADER,
                "Correlation id copied into the events' metadata; generated when absent"));
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        responses.forEach((code, response) -> {
            if (code.startsWith("2")) {
                response.addHeaderObject("ETag", new Header().description("The new version, quoted")
                                .schema(new StringSchema().example("\"4\"")))
                        .addHeaderObject("Idempotent-Replayed", new Header()
                                .description("true when this is the stored answer to an earlier request with the "
                                        + "same Idempotency-Key").schema(new StringSchema().example("true")));
            }
        });
        PROBLEMS.forEach((code, description) -> responses.addApiResponse(code, problem(description)));
        operation.setResponses(responses);
        return operation;
    }

    private static HeaderParameter header(String name, String description) {
        HeaderParameter parameter = new HeaderParameter();
        parameter.setName(name);
        parameter.setDescription(description);
        parameter.setRequired(false);
        parameter.setSchema(new StringSchema());
        return parameter;
    }

    private static ApiResponse problem(String description) {
        Schema<?> ref = new Schema<>().$ref("#/components/schemas/" + OpenApiConfig.PROBLEM_SCHEMA);
        return new ApiResponse().description(description)
                .content(new Content().addMediaType("application/problem+json", new MediaType().schema(ref)));
    }
}
