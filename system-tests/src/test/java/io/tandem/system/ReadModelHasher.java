package io.tandem.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Reads the query side's read models and processing state straight from the store: a hash of each processor's read
 * model (the generation that answers queries, documents in {@code _id} order, a user's product list sorted since
 * segments fill it in any order), and whether every processor's segments have reached a position.
 */
final class ReadModelHasher {

    /** The collections of each processor's read model, as query-side's {@code ReadModels} names them. */
    static final Map<String, List<String>> READ_MODELS = Map.of(
            "membership", List.of("product_members", "user_products"),
            "dashboard", List.of("dashboards"),
            "decision-log", List.of("decision_log", "decision_log_items"),
            "product-history", List.of("product_history", "product_history_snapshots"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MongoDatabase database;

    ReadModelHasher(MongoClient client) {
        this.database = client.getDatabase("tandem");
    }

    /** Processor to the hash and document count of its read model, in processor name order. */
    Map<String, String> hashes() {
        Map<String, String> hashes = new LinkedHashMap<>();
        READ_MODELS.keySet().stream().sorted().forEach(processor -> hashes.put(processor, hash(processor)));
        return hashes;
    }

    /** The documents of a processor's read model as canonical JSON, one per line, by collection. */
    Map<String, String> contents(String processor) {
        int generation = serving(processor);
        Map<String, String> contents = new LinkedHashMap<>();
        for (String name : READ_MODELS.get(processor)) {
            StringBuilder lines = new StringBuilder();
            database.getCollection(generation == 0 ? name : name + "_g" + generation).find()
                    .sort(new Document("_id", 1)).forEach(d -> lines.append(canonical(d)).append('\n'));
            contents.put(name, lines.toString());
        }
        return contents;
    }

    /**
     * Where two contents of a read model differ first (collection, line, and the first differing characters), null
     * when equal; both are written to {@code target/<processor>-{a,b}.txt} when they differ.
     */
    static String firstDifference(Map<String, String> a, Map<String, String> b, String processor) {
        for (String collection : a.keySet()) {
            List<String> left = a.get(collection).lines().toList();
            List<String> right = b.getOrDefault(collection, "").lines().toList();
            for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
                String l = i < left.size() ? left.get(i) : "<none>";
                String r = i < right.size() ? right.get(i) : "<none>";
                if (!l.equals(r)) {
                    int at = 0;
                    while (at < Math.min(l.length(), r.length()) && l.charAt(at) == r.charAt(at)) {
                        at++;
                    }
                    keep(processor, a, b);
                    return collection + " document " + i + " differs at character " + at + ": ..."
                            + l.substring(Math.max(0, at - 120), Math.min(l.length(), at + 200)) + "\n vs ..."
                            + r.substring(Math.max(0, at - 120), Math.min(r.length(), at + 200));
                }
            }
        }
        return null;
    }

    private static void keep(String processor, Map<String, String> a, Map<String, String> b) {
        try {
            Path target = Path.of(System.getProperty("tandem.artifacts", "target"));
            Files.writeString(target.resolve(processor + "-a.txt"), String.join("\n", a.values()));
            Files.writeString(target.resolve(processor + "-b.txt"), String.join("\n", b.values()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String hash(String processor) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long documents = 0;
            for (Map.Entry<String, String> collection : contents(processor).entrySet()) {
                sha.update(collection.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update(collection.getValue().getBytes(StandardCharsets.UTF_8));
                documents += collection.getValue().lines().count();
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16) + "/" + documents + " documents";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private int serving(String processor) {
        Document generations = database.getCollection("read_model_generations")
                                       .find(new Document("_id", processor)).first();
        return generations == null ? 0 : generations.getInteger("serving", 0);
    }

    /** Whether no read model is being rebuilt into a new generation. */
    boolean noRebuildUnderway() {
        for (Document generation : database.getCollection("read_model_generations").find()) {
            if (generation.getInteger("serving", 0) != generation.getInteger("writing", 0)) {
                return false;
            }
        }
        return true;
    }

    /** Whether every segment of every processor has processed up to {@code position}. */
    boolean caughtUpWith(long position, int segmentsPerProcessor) {
        for (String processor : READ_MODELS.keySet()) {
            int segments = 0;
            for (Document token : database.getCollection("tracking_tokens")
                                          .find(new Document("processorName", processor))) {
                if (index(token) < position) {
                    return false;
                }
                segments++;
            }
            if (segments < segmentsPerProcessor) {
                return false;
            }
        }
        return true;
    }

    /** The position a stored token has reached (the current token of a replay), -1 when none. */
    private static long index(Document token) {
        Object data = token.get("token");
        if (data == null) {
            return -1;
        }
        byte[] bytes = data instanceof Binary binary ? binary.getData()
                : data.toString().getBytes(StandardCharsets.UTF_8);
        try {
            JsonNode node = JSON.readTree(bytes);
            while (node != null && node.has("currentToken")) {
                node = node.get("currentToken");
            }
            return node == null || !node.has("index") ? -1 : node.get("index").asLong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String canonical(Document document) {
        List<String> products = document.getList("products", String.class);
        if (products != null) {
            document.put("products", products.stream().sorted().toList());
        }
        return document.toJson();
    }
}
