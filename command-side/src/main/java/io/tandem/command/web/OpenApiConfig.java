package io.tandem.command.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description of the command API: title, security schemes and the problem document. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static final String PROBLEM_SCHEMA = "Problem";
    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerAuth";

    private static final String DESCRIPTION = """
            Commands of Tandem, the event-sourced collaboration server for Product Managers and Product Owners. \
            Every accepted command appends immutable events; queries live on the query side.

            * Authenticate with HTTP Basic (configured users) or a bearer JWT (when an OIDC issuer is configured). \
            The actor of every event is the authenticated user, never a field of the body.
            * `If-Match: "N"` makes a command apply only to version N (412 otherwise); every answer carries the new \
            version as its ETag.
            * `Idempotency-Key` makes retries safe: the same key with the same request returns the first answer \
            (header `Idempotent-Replayed: true`) and appends nothing.
            * Every error is `application/problem+json` with a stable `type` `urn:tandem:problem:<kind>`.
            """;

    @Bean
    OpenAPI tandemOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Tandem command API").version("v1").description(DESCRIPTION))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT"))
                        .addSchemas(PROBLEM_SCHEMA, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OperationCustomizer commandOperationCustomizer() {
        return new CommandOperationCustomizer();
    }

    private static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema())
                .addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("RFC 7807 problem document")
                .addProperty("type", new StringSchema().format("uri").example("urn:tandem:problem:validation"))
                .addProperty("title", new StringSchema().example("Bad Request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("The request has 1 invalid field(s)."))
                .addProperty("instance", new StringSchema().format("uri-reference").example("/api/products"))
                .addProperty("errors", new ArraySchema().items(fieldError)
                        .description("Only for validation problems: the invalid fields"));
    }
}
