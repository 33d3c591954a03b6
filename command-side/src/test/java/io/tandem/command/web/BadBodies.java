package io.tandem.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * JSON bodies a command must refuse, made from the body schema of the API description: each is a valid body with
 * exactly one defect (malformed, not an object, a required field missing or null, a field of the wrong type, out of
 * range, too long, or hostile text where the field cannot hold it).
 */
final class BadBodies {

    /** A body and the defect that makes it unacceptable. */
    record Mutation(String defect, byte[] json) {
    }

    /** A field of the body: its path from the root, its schema and whether it is required. */
    private record Field(List<String> path, JsonNode schema, boolean required) {

        String name() {
            return String.join(".", path);
        }

        boolean isText() {
            return "string".equals(schema.path("type").asText()) && !schema.has("enum");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode schema;
    private final List<Field> fields = new ArrayList<>();

    BadBodies(JsonNode schema) {
        this.schema = schema;
        collect(schema, List.of(), true);
    }

    /** A body every field of which is acceptable in shape (ids need not exist). */
    ObjectNode valid() {
        return (ObjectNode) validValue(schema);
    }

    /** The kinds of defect this body can have, by name; each makes the body unacceptable. */
    Map<String, Arbitrary<Mutation>> kinds() {
        Map<String, Arbitrary<Mutation>> kinds = new LinkedHashMap<>();
        kinds.put("malformed", malformed());
        kinds.put("not an object", notAnObject());
        kinds.put("wrong type", wrongType());
        if (fields.stream().anyMatch(Field::required)) {
            kinds.put("missing or null", missingOrNullRequired());
        }
        if (fields.stream().anyMatch(field -> field.schema().has("maxLength") || field.schema().has("maxItems")
                || field.schema().has("pattern"))) {
            kinds.put("too long", tooLong());
        }
        if (fields.stream().anyMatch(field -> "integer".equals(field.schema().path("type").asText()))) {
            kinds.put("out of range", outOfRange());
        }
        if (fields.stream().anyMatch(field -> field.schema().has("enum") || field.schema().has("pattern"))) {
            kinds.put("hostile", hostileWhereNotAllowed());
        }
        if (fields.stream().anyMatch(field -> field.required() && field.isText())) {
            kinds.put("unprintable", unprintableText());
        }
        return kinds;
    }

    private Arbitrary<Mutation> malformed() {
        String valid = text(valid(), false);
        Arbitrary<String> cut = Arbitraries.integers().between(0, valid.length() - 1)
                .map(end -> valid.substring(0, end));
        Arbitrary<String> trailing = Arbitraries.of("}", "]", " x", "{}", ",", " null", "\u0000")
                .map(garbage -> valid + garbage);
        Arbitrary<String> broken = Arbitraries.of("{", "}", "{\"a\":}", "{'title':'x'}", "{title:\"x\"}",
                "{\"a\":1,}", "/* c */ {}", "{\"a\":NaN}", "{\"a\":\"\u0001\"}", "\u0000{}", "nul", "tru",
                "{\"a\":\"\\ud800\\u\"}", "{\"a\":\"\\x41\"}", "[".repeat(3000) + "]".repeat(3000),
                "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}", "{\"a\":1" + "0".repeat(2000) + "}",
                valid.replace("\"", "'"), valid.replaceFirst("^\\{(\"[^\"]+\":)", "{$1null,$1"));
        Arbitrary<Mutation> asText = Arbitraries.oneOf(cut, trailing, broken)
                .map(body -> new Mutation("malformed JSON", body.getBytes(StandardCharsets.UTF_8)));
        Arbitrary<Mutation> invalidUtf8 = Arbitraries.of(new byte[] {(byte) 0xff, (byte) 0xfe},
                        new byte[] {(byte) 0xc3, 0x28}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                        new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80})
                .map(bytes -> new Mutation("invalid UTF-8", splice(valid, bytes)));
        return Arbitraries.oneOf(asText, invalidUtf8);
    }

    private Arbitrary<Mutation> notAnObject() {
        String valid = text(valid(), false);
        return Arbitraries.of("null", "[]", "[" + valid + "]", "\"text\"", "42", "-1.5", "true", "{}", "\"\"")
                .map(body -> new Mutation("not an object: " + body.substring(0, Math.min(20, body.length())),
                        body.getBytes(StandardCharsets.UTF_8)));
    }

    private Arbitrary<Mutation> missingOrNullRequired() {
        List<Field> required = fields.stream().filter(Field::required).toList();
        return Combinators.combine(Arbitraries.of(required), Arbitraries.of(true, false)).as((field, remove) ->
                remove ? mutate("missing " + field.name(), field, null)
                        : mutate("null " + field.name(), field, NODES.nullNode()));
    }

    private Arbitrary<Mutation> wrongType() {
        return Arbitraries.of(fields).flatMap(field -> wrongValues(field).map(value ->
                mutate("wrong type of " + field.name() + ": " + value, field, value)));
    }

    private Arbitrary<JsonNode> wrongValues(Field field) {
        JsonNode object = NODES.objectNode().put("$ne", (String) null);
        JsonNode array = NODES.arrayNode().add("x");
        if (field.schema().has("enum")) {
            return Arbitraries.of(object, array, NODES.numberNode(0), NODES.numberNode(1), NODES.booleanNode(true),
                    NODES.textNode("UNKNOWN"), NODES.textNode(field.schema().get("enum").get(0).asText()
                            .toLowerCase()), NODES.textNode(" " + field.schema().get("enum").get(0).asText()));
        }
        return switch (field.schema().path("type").asText()) {
            case "string" -> Arbitraries.of(object, array, NODES.arrayNode());
            case "integer" -> Arbitraries.of(NODES.textNode("abc"), object, array, NODES.booleanNode(true),
                    NODES.textNode("1.5"), NODES.numberNode(1.5));
            case "array" -> Arbitraries.of(NODES.textNode("x"), object, NODES.numberNode(5),
                    NODES.arrayNode().add(NODES.objectNode()), NODES.arrayNode().add(NODES.arrayNode()),
                    NODES.arrayNode().addNull(), NODES.arrayNode().add(""));
            default -> Arbitraries.of(NODES.textNode("x"), NODES.numberNode(5), array, NODES.booleanNode(true));
        };
    }

    private Arbitrary<Mutation> outOfRange() {
        List<Field> integers = fields.stream().filter(field -> "integer".equals(field.schema().path("type")
                .asText())).toList();
        Arbitrary<String> numbers = Arbitraries.oneOf(
                Arbitraries.of("0", "-0", "-1", "-2147483648", "2147483648", "-2147483649", "9223372036854775808",
                        "1e400", "-1e400", "0.5", "1.5", "2.0000001", "1E-7"),
                Arbitraries.integers().lessOrEqual(-1).map(String::valueOf),
                Arbitraries.longs().greaterOrEqual(2_147_483_648L).map(String::valueOf));
        return Combinators.combine(Arbitraries.of(integers), numbers).as((field, number) -> {
            ObjectNode body = valid();
            String marker = "\"__number__\"";
            set(body, field.path(), NODES.textNode("__number__"));
            String json = text(body, false).replace(marker, number);
            return new Mutation("out of range " + field.name() + "=" + number, json.getBytes(StandardCharsets.UTF_8));
        });
    }

    private Arbitrary<Mutation> tooLong() {
        List<Field> bounded = fields.stream().filter(field -> field.schema().has("maxLength")
                || field.schema().has("maxItems") || field.schema().has("pattern")).toList();
        return Combinators.combine(Arbitraries.of(bounded), Arbitraries.integers().between(1, 300),
                HostileText.characters()).as((field, excess, filler) -> {
                    if (field.schema().has("maxItems")) {
                        ArrayNode items = NODES.arrayNode();
                        for (int i = 0; i < field.schema().get("maxItems").asInt() + 1 + excess % 10; i++) {
                            items.add("item-" + i);
                        }
                        return mutate("too many " + field.name(), field, items);
                    }
                    int max = field.schema().has("maxLength") ? field.schema().get("maxLength").asInt() : 100;
                    StringBuilder text = new StringBuilder("a");
                    while (text.length() <= max + excess) {
                        text.append(field.schema().has("pattern") ? "a" : filler);
                    }
                    return mutate("too long " + field.name() + " (" + text.length() + ")", field,
                            NODES.textNode(text.toString()));
                });
    }

    /** Hostile text in an enum or a pattern-bound field, where no such character is allowed. */
    private Arbitrary<Mutation> hostileWhereNotAllowed() {
        List<Field> strict = fields.stream().filter(field -> field.schema().has("enum")
                || field.schema().has("pattern")).toList();
        return Combinators.combine(Arbitraries.of(strict), HostileText.characters(), Arbitraries.of(true, false))
                .as((field, hostile, before) -> {
                    String valid = validValue(field.schema()).asText();
                    String value = before ? hostile + valid : valid + hostile;
                    return mutate("hostile " + field.name() + ": " + HostileText.describe(hostile), field,
                            NODES.textNode(value));
                });
    }

    /** NUL, control characters, lone surrogates and bidi overrides in a required text field. */
    private Arbitrary<Mutation> unprintableText() {
        List<Field> texts = fields.stream().filter(field -> field.required() && field.isText()).toList();
        return Combinators.combine(Arbitraries.of(texts), HostileText.unprintable(), Arbitraries.of(0, 1, 2))
                .as((field, hostile, where) -> {
                    String value = switch (where) {
                        case 0 -> hostile + "Plan";
                        case 1 -> "Pl" + hostile + "an";
                        default -> "Plan" + hostile;
                    };
                    return mutate("unprintable " + field.name() + ": " + HostileText.describe(hostile), field,
                            NODES.textNode(value));
                });
    }

    private Mutation mutate(String defect, Field field, JsonNode value) {
        ObjectNode body = valid();
        if (value == null) {
            remove(body, field.path());
        } else {
            set(body, field.path(), value);
        }
        return new Mutation(defect, bytes(body));
    }

    /** As UTF-8 JSON; with \\u escapes for everything non-ASCII when the text holds a lone surrogate. */
    static byte[] bytes(JsonNode body) {
        boolean loneSurrogate = HostileText.hasLoneSurrogate(body.toString());
        return text(body, loneSurrogate).getBytes(StandardCharsets.UTF_8);
    }

    private static String text(JsonNode body, boolean escapeNonAscii) {
        try {
            return escapeNonAscii ? JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(body)
                    : JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] splice(String json, byte[] inside) {
        int quote = json.indexOf("\":\"") + 3;
        byte[] head = json.substring(0, Math.max(quote, 1)).getBytes(StandardCharsets.UTF_8);
        byte[] tail = json.substring(Math.max(quote, 1)).getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + inside.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(inside, 0, all, head.length, inside.length);
        System.arraycopy(tail, 0, all, head.length + inside.length, tail.length);
        return all;
    }

    private void collect(JsonNode objectSchema, List<String> prefix, boolean parentRequired) {
        List<String> required = new ArrayList<>();
        objectSchema.path("required").forEach(name -> required.add(name.asText()));
        objectSchema.path("properties").fields().forEachRemaining(property -> {
            List<String> path = new ArrayList<>(prefix);
            path.add(property.getKey());
            boolean isRequired = parentRequired && required.contains(property.getKey());
            fields.add(new Field(List.copyOf(path), property.getValue(), isRequired));
            if (property.getValue().has("properties")) {
                collect(property.getValue(), path, false);
            }
        });
    }

    private static JsonNode validValue(JsonNode schema) {
        if (schema.has("enum")) {
            return NODES.textNode(schema.get("enum").get(0).asText());
        }
        if (schema.has("properties")) {
            ObjectNode object = NODES.objectNode();
            schema.get("properties").fields().forEachRemaining(property ->
                    object.set(property.getKey(), validValue(property.getValue())));
            return object;
        }
        return switch (schema.path("type").asText()) {
            case "integer" -> NODES.numberNode(1);
            case "array" -> NODES.arrayNode();
            case "string" -> NODES.textNode(schema.has("pattern") ? "cust-42"
                    : "email".equals(schema.path("format").asText()) ? "ada@example.org" : "Fuzz");
            default -> NODES.nullNode();
        };
    }

    private static void set(ObjectNode body, List<String> path, JsonNode value) {
        parent(body, path).set(path.get(path.size() - 1), value);
    }

    private static void remove(ObjectNode body, List<String> path) {
        parent(body, path).remove(path.get(path.size() - 1));
    }

    private static ObjectNode parent(ObjectNode body, List<String> path) {
        ObjectNode parent = body;
        for (String name : path.subList(0, path.size() - 1)) {
            parent = (ObjectNode) parent.get(name);
        }
        return parent;
    }
}
