package io.tandem.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command endpoint as the API description ({@code /v3/api-docs}) describes it: method, path template, path
 * parameters and the schema of its body, if it has one. Read from the running service, so a new endpoint is
 * covered by the tests that use this without being listed anywhere.
 */
record DescribedEndpoint(String method, String template, List<String> pathParameters, JsonNode body) {

    private static final Set<String> COMMAND_METHODS = Set.of("post", "put", "delete", "patch");
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    /** Every command operation of the description, with the body schema's {@code $ref}s resolved. */
    static List<DescribedEndpoint> all(JsonNode apiDocs) {
        List<DescribedEndpoint> endpoints = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = apiDocs.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext();) {
                String method = methods.next();
                if (!COMMAND_METHODS.contains(method)) {
                    continue;
                }
                JsonNode schema = path.getValue().path(method).path("requestBody").path("content")
                        .path("application/json").path("schema");
                endpoints.add(new DescribedEndpoint(method.toUpperCase(), path.getKey(), parameters(path.getKey()),
                        schema.isMissingNode() ? null : resolve(schema, apiDocs)));
            }
        }
        return List.copyOf(endpoints);
    }

    boolean hasBody() {
        return body != null;
    }

    /** The path with each parameter replaced by its value (already URL-encoded). */
    String path(Map<String, String> values) {
        Matcher parameter = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            parameter.appendReplacement(path, Matcher.quoteReplacement(values.get(parameter.group(1))));
        }
        return parameter.appendTail(path).toString();
    }

    @Override
    public String toString() {
        return method + " " + template;
    }

    private static List<String> parameters(String template) {
        List<String> names = new ArrayList<>();
        Matcher parameter = PARAMETER.matcher(template);
        while (parameter.find()) {
            names.add(parameter.group(1));
        }
        return List.copyOf(names);
    }

    private static JsonNode resolve(JsonNode schema, JsonNode apiDocs) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            return resolve(apiDocs.path("components").path("schemas").path(name), apiDocs);
        }
        JsonNode copy = schema.deepCopy();
        if (copy.has("properties")) {
            ObjectNode properties = (ObjectNode) copy.get("properties");
            properties.fieldNames().forEachRemaining(field -> properties.set(field,
                    resolve(properties.get(field), apiDocs)));
        }
        if (copy.has("items")) {
            ((ObjectNode) copy).set("items", resolve(copy.get("items"), apiDocs));
        }
        return copy;
    }
}
