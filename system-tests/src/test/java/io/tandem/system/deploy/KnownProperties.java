package io.tandem.system.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Whether a service knows a property: Spring Boot's own (its configuration metadata on the classpath) or one of
 * Tandem's {@code @ConfigurationProperties} records in the service's module or in service-support.
 */
final class KnownProperties {

    private static final Pattern PREFIX = Pattern.compile("@ConfigurationProperties\\(\"([a-z0-9.-]+)\"\\)");

    private final Set<String> springBootProperties;

    private KnownProperties(Set<String> springBootProperties) {
        this.springBootProperties = springBootProperties;
    }

    static KnownProperties load() throws IOException {
        Set<String> names = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        ClassLoader classLoader = KnownProperties.class.getClassLoader();
        for (URL metadata : Collections.list(classLoader.getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = metadata.openStream()) {
                json.readTree(in).path("properties").forEach(property -> names.add(property.path("name").asText()));
            }
        }
        return new KnownProperties(names);
    }

    boolean isSpringBootProperty(String property) {
        return springBootProperties.contains(property);
    }

    /** Whether {@code module} (or service-support) binds {@code property}, e.g. {@code tandem.live.relay.host}. */
    boolean isKnownTo(String module, String property) {
        if (!property.startsWith("tandem.")) {
            return isSpringBootProperty(property);
        }
        String bestPrefix = "";
        String bestSource = null;
        for (Path file : sources(module)) {
            String source = read(file);
            Matcher prefix = PREFIX.matcher(source);
            if (prefix.find() && property.startsWith(prefix.group(1) + ".")
                    && prefix.group(1).length() > bestPrefix.length()) {
                bestPrefix = prefix.group(1);
                bestSource = source;
            }
        }
        if (bestSource == null) {
            return false;
        }
        for (String segment : property.substring(bestPrefix.length() + 1).split("\\.")) {
            String component = camelCase(segment.replaceAll("\\[[^]]*]", ""));
            // a record component: "<Type> name," or "<Type> name)"
            if (!Pattern.compile("[\\w>]\\s+" + component + "\\s*[,)]").matcher(bestSource).find()) {
                return false;
            }
        }
        return true;
    }

    private static List<Path> sources(String module) {
        return Stream.of(module, "service-support")
                     .map(name -> Repository.path(name + "/src/main/java"))
                     .flatMap(KnownProperties::javaFiles)
                     .toList();
    }

    private static Stream<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String camelCase(String kebab) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    /** The environment variable names Spring Boot binds to {@code property} (dashes dropped, or as underscores). */
    static Set<String> environmentNames(String property) {
        String indexed = property.replaceAll("\\[(\\d+)]", ".$1").replaceAll("\\[[^]]*]", ".0");
        String upper = indexed.toUpperCase(Locale.ROOT).replace('.', '_');
        return new TreeSet<>(List.of(upper.replace("-", ""), upper.replace('-', '_')));
    }
}
