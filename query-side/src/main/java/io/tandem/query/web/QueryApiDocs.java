package io.tandem.query.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description of the query API: title, live topics, security schemes and the problem responses. */
@Configuration(proxyBeanMethods = false)
class QueryApiDocs {

    private static final String BASIC = "basicAuth";
    private static final String BEARER = "bearerAuth";
    private static final String PROBLEM = "Problem";

    private static final String DESCRIPTION = """
            Queries of Tandem: the products you are a member of, their live dashboards, the decision log and item \
            timelines. Products you are not a member of answer 404, like unknown ones.

            * Authenticate with HTTP Basic (configured users) or a bearer JWT (when an OIDC issuer is configured).
            * Live push: STOMP over WebSocket at `/ws`; send `Authorization: Basic …` / `Bearer …` (or `login` and \
            `passcode`) in the CONNECT frame. Topics (members only): `/topic/products/{id}/dashboard` (the full \
            dashboard; the current one arrives at once on subscribe), `/topic/products/{id}/decisions`, \
            `/topic/products/{id}/alerts`, `/topic/products/{id}/presence`.
            * Every error is `application/problem+json` with a stable `type` `urn:tandem:problem:<kind>`.
            """;

    @Bean
    OpenAPI tandemQueryOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Tandem query API").version("v1").description(DESCRIPTION))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT"))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** Every query may answer 401 and 404 problems, the decision log also 400. */
    @Bean
    OperationCustomizer queryProblemResponses() {
        return (operation, handlerMethod) -> {
            add(operation, "401", "unauthorized: no or wrong credentials");
            if (!handlerMethod.getMethod().getName().equals("products")) {
                add(operation, "404", "not-found: no such product or item, or the caller is not a member");
            }
            if (handlerMethod.getBeanType().equals(DecisionLogController.class)) {
                add(operation, "400", "validation: a parameter is malformed or out of range (listed in `errors`)");
            }
            return operation;
        };
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 7807 problem document")
                .addProperty("type", new StringSchema().format("uri").example("urn:tandem:problem:not-found"))
                .addProperty("title", new StringSchema().example("Not Found"))
                .addProperty("status", new IntegerSchema().example(404))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new ArraySchema().items(new ObjectSchema()
                        .addProperty("field", new StringSchema()).addProperty("message", new StringSchema()))
                        .description("Only for validation problems: the invalid parameters"));
    }

    private static void add(Operation operation, String status, String description) {
        operation.getResponses().addApiResponse(status, new ApiResponse().description(description).content(
                new Content().addMediaType("application/problem+json", new MediaType().schema(new Schema<>()
                        .$ref("#/components/schemas/" + PROBLEM)))));
    }
}
