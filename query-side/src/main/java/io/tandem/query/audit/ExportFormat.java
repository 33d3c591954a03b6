package io.tandem.query.audit;

import io.tandem.query.web.InvalidQueryException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;

/** The formats of the decision-log export, chosen by the {@code format} parameter or else by {@code Accept}. */
enum ExportFormat {

    CSV("csv", new MediaType("text", "csv", Map.of("charset", "UTF-8", "header", "present"))),
    JSONL("jsonl", new MediaType("application", "x-ndjson", StandardCharsets.UTF_8));

    private final String parameter;
    private final MediaType mediaType;

    ExportFormat(String parameter, MediaType mediaType) {
        this.parameter = parameter;
        this.mediaType = mediaType;
    }

    String extension() {
        return parameter;
    }

    MediaType mediaType() {
        return mediaType;
    }

    /**
     * The {@code format} parameter when given (400 validation problem when unknown); otherwise the most preferred
     * producible type in {@code Accept} (none, or one that matches anything, means CSV; 406 when nothing matches).
     */
    static ExportFormat choose(String format, String accept) throws HttpMediaTypeNotAcceptableException {
        if (format != null && !format.isBlank()) {
            String wanted = format.strip().toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(value -> value.parameter.equals(wanted)).findFirst()
                    .orElseThrow(() -> InvalidQueryException.of("format", "must be csv or jsonl"));
        }
        if (accept == null || accept.isBlank()) {
            return CSV;
        }
        List<MediaType> acceptable;
        try {
            acceptable = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotAcceptableException("Could not parse Accept header: " + e.getMessage());
        }
        ExportFormat best = null;
        double bestQuality = 0;
        for (ExportFormat candidate : values()) {
            double quality = quality(candidate.mediaType, acceptable);
            if (quality > bestQuality) {
                best = candidate;
                bestQuality = quality;
            }
        }
        if (best == null) {
            throw new HttpMediaTypeNotAcceptableException(List.of(CSV.mediaType, JSONL.mediaType));
        }
        return best;
    }

    /** The quality of the most specific matching range: {@code text/csv;q=0} refuses CSV even if all is accepted. */
    private static double quality(MediaType type, List<MediaType> acceptable) {
        return acceptable.stream().filter(range -> range.includes(type))
                .max(Comparator.comparingInt(ExportFormat::specificity))
                .map(MediaType::getQualityValue).orElse(0.0);
    }

    private static int specificity(MediaType range) {
        return (range.isWildcardType() ? 0 : 1) + (range.isWildcardSubtype() ? 0 : 1);
    }
}
