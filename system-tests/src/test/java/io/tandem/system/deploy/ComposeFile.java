package io.tandem.system.deploy;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code docker-compose.yml} as Compose reads it (YAML anchors and merge keys resolved), before interpolation. */
final class ComposeFile {

    /** {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME:?message}}, the forms without colon; not {@code $$}. */
    private static final Pattern INTERPOLATION = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:?[-?+])?");

    final String text;
    private final Map<String, Object> root;

    private ComposeFile(String text) {
        this.text = text;
        this.root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    }

    static ComposeFile read() {
        return new ComposeFile(Repository.read("docker-compose.yml"));
    }

    Map<String, Object> services() {
        return map(root.get("services"));
    }

    Map<String, Object> service(String name) {
        Object service = services().get(name);
        if (service == null) {
            throw new AssertionError("docker-compose.yml has no service " + name);
        }
        return map(service);
    }

    /** The service's environment, from either the map or the {@code KEY=value} list form. */
    Map<String, String> environment(String service) {
        Object environment = service(service).get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> result.put(key.toString(), value == null ? null : value.toString()));
        } else if (environment instanceof List<?> lines) {
            for (Object line : lines) {
                String[] pair = line.toString().split("=", 2);
                result.put(pair[0], pair.length > 1 ? pair[1] : null);
            }
        }
        return result;
    }

    /** What the service waits for before it starts: service name to condition. */
    Map<String, String> dependencies(String service) {
        Object dependsOn = service(service).get("depends_on");
        Map<String, String> result = new TreeMap<>();
        if (dependsOn instanceof List<?> names) {
            names.forEach(name -> result.put(name.toString(), "service_started"));
        } else if (dependsOn instanceof Map<?, ?> entries) {
            entries.forEach((name, options) -> result.put(name.toString(),
                    String.valueOf(map(options).getOrDefault("condition", "service_started"))));
        }
        return result;
    }

    /** A list-valued setting of the service ({@code command}, {@code expose}, {@code volumes}, ...) as strings. */
    List<String> list(String service, String key) {
        Object value = service(service).get(key);
        return value instanceof List<?> items ? items.stream().map(String::valueOf).toList() : List.of();
    }

    /** The service's health check command, empty when the file gives it none. */
    List<String> healthcheck(String service) {
        Object test = map(service(service).get("healthcheck")).get("test");
        return test instanceof List<?> items ? items.stream().map(String::valueOf).toList() : List.of();
    }

    /** The module whose Dockerfile builds this service's image, if it is built here. */
    Optional<String> builtModule(String service) {
        Object build = service(service).get("build");
        if (!(build instanceof Map<?, ?> options)) {
            return Optional.empty();
        }
        String dockerfile = String.valueOf(options.get("dockerfile"));
        return Optional.of(dockerfile.substring(0, dockerfile.indexOf('/')));
    }

    /** Every variable the file interpolates, with the operators it is used with ({@code :?} required, {@code :-}). */
    Map<String, Set<String>> interpolatedVariables() {
        Map<String, Set<String>> variables = new TreeMap<>();
        Matcher matcher = INTERPOLATION.matcher(text);
        while (matcher.find()) {
            variables.computeIfAbsent(matcher.group(1), name -> new TreeSet<>())
                     .add(matcher.group(2) == null ? "" : matcher.group(2));
        }
        return variables;
    }

    static boolean isRequiredInterpolation(String value) {
        return value != null && value.matches("\\$\\{[A-Za-z_][A-Za-z0-9_]*:\\?[^}]+}");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }
}
