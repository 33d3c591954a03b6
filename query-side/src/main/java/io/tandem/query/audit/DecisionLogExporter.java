package io.tandem.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.query.decisions.DecisionLogEntry;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * Writes the decision log as CSV (a header row, then one record per entry) or JSON lines (one entry per line, as the
 * list endpoint shows it), in UTF-8, entry by entry as the source hands them out, flushing every
 * {@value #FLUSH_EVERY} entries: memory stays flat however long the log is.
 */
@Component
class DecisionLogExporter {

    static final int FLUSH_EVERY = 200;
    static final String[] CSV_HEADER = {"globalPosition", "timestamp", "actor", "role", "type", "item", "before",
            "after", "rationale", "sentence"};

    private final ObjectMapper json;

    DecisionLogExporter(ObjectMapper json) {
        this.json = json;
    }

    /** Writes every entry of {@code source} to {@code out} (flushed, not closed); returns how many. */
    long export(DecisionLogSource source, ExportFormat format, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
        CsvWriter csv = new CsvWriter(writer);
        if (format == ExportFormat.CSV) {
            csv.record(CSV_HEADER);
        }
        long[] count = {0};
        try {
            source.forEach(entry -> {
                try {
                    if (format == ExportFormat.CSV) {
                        csv.record(csvRecord(entry));
                    } else {
                        writer.write(json.writeValueAsString(entry));
                        writer.write('\n');
                    }
                    if (++count[0] % FLUSH_EVERY == 0) {
                        writer.flush();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.flush();
        return count[0];
    }

    private static String[] csvRecord(DecisionLogEntry entry) {
        return new String[] {Long.toString(entry.globalPosition()), entry.timestamp().toString(), entry.actor(),
                entry.role(), entry.type(), entry.itemId(), entry.before(), entry.after(), entry.rationale(),
                entry.sentence()};
    }
}
