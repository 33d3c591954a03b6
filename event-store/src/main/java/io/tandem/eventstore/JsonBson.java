package io.tandem.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.types.Decimal128;

import java.util.Iterator;
import java.util.Map;

/**
 * Converts Jackson trees to BSON values and back, so that payloads and metadata are stored as native BSON documents
 * (queryable in MongoDB) while Axon's Jackson serializer and JSON upcasters keep working on {@link JsonNode}s.
 */
final class JsonBson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonBson() {
    }

    static BsonValue toBson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return BsonNull.VALUE;
        }
        if (node.isObject()) {
            BsonDocument document = new BsonDocument();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                document.put(field.getKey(), toBson(field.getValue()));
            }
            return document;
        }
        if (node.isArray()) {
            BsonArray array = new BsonArray();
            node.forEach(element -> array.add(toBson(element)));
            return array;
        }
        if (node.isTextual()) {
            return new BsonString(node.textValue());
        }
        if (node.isBoolean()) {
            return BsonBoolean.valueOf(node.booleanValue());
        }
        if (node.isInt() || node.isShort()) {
            return new BsonInt32(node.intValue());
        }
        if (node.isLong() || node.isBigInteger() && node.canConvertToLong()) {
            return new BsonInt64(node.longValue());
        }
        if (node.isBigDecimal() || node.isBigInteger()) {
            return new BsonDecimal128(new Decimal128(node.decimalValue()));
        }
        if (node.isNumber()) {
            return new BsonDouble(node.doubleValue());
        }
        if (node.isBinary()) {
            return new BsonBinary(binary(node));
        }
        return new BsonString(node.asText());
    }

    private static byte[] binary(JsonNode node) {
        try {
            return node.binaryValue();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Unreadable binary node", e);
        }
    }

    static JsonNode toJson(BsonValue value) {
        if (value == null || value.isNull()) {
            return NODES.nullNode();
        }
        switch (value.getBsonType()) {
            case DOCUMENT:
                ObjectNode object = NODES.objectNode();
                value.asDocument().forEach((key, element) -> object.set(key, toJson(element)));
                return object;
            case ARRAY:
                ArrayNode array = NODES.arrayNode();
                value.asArray().forEach(element -> array.add(toJson(element)));
                return array;
            case STRING:
                return NODES.textNode(value.asString().getValue());
            case BOOLEAN:
                return NODES.booleanNode(value.asBoolean().getValue());
            case INT32:
                return NODES.numberNode(value.asInt32().getValue());
            case INT64:
                return NODES.numberNode(value.asInt64().getValue());
            case DOUBLE:
                return NODES.numberNode(value.asDouble().getValue());
            case DECIMAL128:
                return NODES.numberNode(value.asDecimal128().getValue().bigDecimalValue());
            case BINARY:
                return NODES.binaryNode(value.asBinary().getData());
            case DATE_TIME:
                return NODES.numberNode(value.asDateTime().getValue());
            default:
                throw new IllegalArgumentException("Unsupported BSON type in a stored event: " + value.getBsonType());
        }
    }
}
