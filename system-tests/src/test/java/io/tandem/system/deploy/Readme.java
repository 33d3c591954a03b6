package io.tandem.system.deploy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parts of README.md an operator relies on: its sections and their tables. */
final class Readme {

    static final String CONFIGURATION = "## Configuration";
    static final String PRODUCTION = "## Production (docker compose)";

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private final String text;

    private Readme(String text) {
        this.text = text;
    }

    static Readme read() {
        return new Readme(Repository.read("README.md"));
    }

    /** The section under this level-2 heading, up to the next level-2 heading. */
    String section(String heading) {
        int start = text.indexOf("\n" + heading + "\n");
        if (start < 0) {
            throw new AssertionError("README.md has no section '" + heading + "'");
        }
        int end = text.indexOf("\n## ", start + heading.length() + 1);
        return end < 0 ? text.substring(start) : text.substring(start, end);
    }

    /** The rows (cells trimmed) of the first table in the section whose first header cell is {@code firstHeader}. */
    List<List<String>> table(String heading, String firstHeader) {
        List<List<String>> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : section(heading).split("\n")) {
            if (!line.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            List<String> cells = cells(line);
            if (!inTable) {
                inTable = cells.get(0).equalsIgnoreCase(firstHeader);
            } else if (!cells.get(0).matches("-+")) {
                rows.add(cells);
            }
        }
        if (rows.isEmpty()) {
            throw new AssertionError("README.md '" + heading + "' has no table headed '" + firstHeader + "'");
        }
        return rows;
    }

    /** The configuration table as environment variable to property ({@code tandem.security.users[i].password}). */
    Map<String, String> configurationVariables() {
        Map<String, String> variables = new LinkedHashMap<>();
        for (List<String> row : table(CONFIGURATION, "property")) {
            List<String> properties = resolveRelative(code(row.get(0)));
            List<String> names = code(row.get(1));
            for (int i = 0; i < names.size(); i++) {
                variables.put(names.get(i), properties.get(properties.size() == names.size() ? i : 0));
            }
        }
        return variables;
    }

    /** The texts in backticks of a cell. */
    static List<String> code(String cell) {
        List<String> values = new ArrayList<>();
        Matcher matcher = CODE.matcher(cell);
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }

    /** {@code a.b.c} / {@code .d} stands for {@code a.b.c} and {@code a.b.d}. */
    private static List<String> resolveRelative(List<String> properties) {
        List<String> resolved = new ArrayList<>();
        for (String property : properties) {
            if (property.startsWith(".") && !resolved.isEmpty()) {
                String previous = resolved.get(resolved.size() - 1);
                resolved.add(previous.substring(0, previous.lastIndexOf('.')) + property);
            } else {
                resolved.add(property);
            }
        }
        return resolved;
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
        // a \| inside a cell is text, not a column boundary
        return Arrays.stream(inner.split("(?<!\\\\)\\|")).map(String::trim).toList();
    }
}
