package io.tandem.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.tandem.query.web.DecisionLogFilterParameters;
import org.springdoc.core.annotations.ParameterObject;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tandem.query.decisions.DecisionLogFilter;
import io.tandem.query.decisions.DecisionLogQueries;
import io.tandem.query.web.DecisionLogQuery;
import io.tandem.query.web.ProductAccess;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.AsyncWebRequest;
import org.springframework.web.context.request.async.WebAsyncUtils;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The decision log as a download: CSV or JSON lines, with the list's filters, streamed from a database cursor. */
@RestController
@Tag(name = "Decision log")
class DecisionLogExportController {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String PROBLEM = "#/components/schemas/Problem";

    private final ProductAccess access;
    private final DecisionLogQueries decisions;
    private final DecisionLogExporter exporter;
    private final AuditExportProperties properties;
    private final Clock clock = Clock.systemUTC();

    DecisionLogExportController(ProductAccess access, DecisionLogQueries decisions, DecisionLogExporter exporter,
            AuditExportProperties properties) {
        this.access = access;
        this.decisions = decisions;
        this.exporter = exporter;
        this.properties = properties;
    }

    @GetMapping("/api/products/{productId}/decisions/export")
    @Operation(summary = "Export the decision log (audit) as CSV or JSON lines",
            description = "Every decision matching the filters (the same as the list's), oldest first, as a download. "
                    + "`format=csv|jsonl`, or without it the `Accept` header (`text/csv`, `application/x-ndjson`; "
                    + "default CSV). CSV is RFC 4180 (CRLF, quoted fields, UTF-8) with a header row; a field that "
                    + "would start a spreadsheet formula (`= + - @`, tab, CR, also after leading spaces) gets a `'` "
                    + "in front. JSON lines: one decision-log entry per line, as in the list.")
    @ApiResponse(responseCode = "200", description = "the export, streamed", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
            @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "400", description = "validation: an unknown format or a malformed filter",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "406", description = "not-acceptable: the Accept header allows neither format",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
    ResponseEntity<StreamingResponseBody> export(@PathVariable String productId,
            @Parameter(description = "csv or jsonl; overrides Accept") @RequestParam(required = false) String format,
            @ParameterObject DecisionLogFilterParameters filters,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @Parameter(hidden = true) Principal caller,
            @Parameter(hidden = true) HttpServletRequest request) throws HttpMediaTypeNotAcceptableException {
        ExportFormat chosen = ExportFormat.choose(format, accept);
        DecisionLogFilter filter = DecisionLogQuery.parseFilter(filters);
        access.requireMember(productId, caller);
        allowLongStreams(request);
        StreamingResponseBody body = out -> exporter.export(sink -> decisions.stream(productId, filter, sink), chosen,
                out);
        return ResponseEntity.ok()
                .contentType(chosen.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename(productId, chosen)).build().toString())
                .body(body);
    }

    private String filename(String productId, ExportFormat format) {
        return "tandem-decisions-" + productId.replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                + STAMP.format(clock.instant()) + "." + format.extension();
    }

    /** The streaming runs asynchronously; the container's default timeout (30 s on Tomcat) would cut it off. */
    private void allowLongStreams(HttpServletRequest request) {
        AsyncWebRequest async = WebAsyncUtils.getAsyncManager(request).getAsyncWebRequest();
        if (async != null) {
            async.setTimeout(properties.timeout().toMillis());
        }
    }
}
