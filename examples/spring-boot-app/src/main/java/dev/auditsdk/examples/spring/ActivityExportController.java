package dev.auditsdk.examples.spring;

import dev.auditsdk.ActivityContext;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.http.ReadScopeResolver;
import dev.auditsdk.read.ActivityExport;
import dev.auditsdk.read.ActivityJsonWriter;
import dev.auditsdk.read.ActivityQueryParameters;
import dev.auditsdk.read.ExportFormat;
import dev.auditsdk.read.ReadScope;
import dev.auditsdk.spi.ActivityStore;
import dev.auditsdk.spring.web.ServletViews;
import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /api/activity/export?format=csv|jsonl} plus the read API's parameters: every matching
 * record, newest first, streamed by the SDK's {@link ActivityExport} (one page of 1,000 records in
 * memory at a time), selected by the same {@link ActivityQueryParameters} as {@code /api/activity}, so
 * the export holds exactly what the viewer shows. The export itself is recorded, as action
 * {@code Export}, within the caller's {@link ReadScope} like every read. Absent when {@code audit.enabled=false}: there is no store to export from, and the
 * app must still start.
 */
@RestController
@ConditionalOnProperty(name = "audit.enabled", havingValue = "true", matchIfMissing = true)
class ActivityExportController {
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final ActivityStore store;
    private final ReadScopeResolver scopes;
    private final Clock clock = Clock.systemUTC();

    ActivityExportController(ActivityStore store, ReadScopeResolver scopes) {
        this.store = store;
        this.scopes = scopes;
    }

    @GetMapping("/api/activity/export")
    ResponseEntity<StreamingResponseBody> export(HttpServletRequest request) {
        Map<String, String[]> params = request.getParameterMap();
        ReadScope scope = scopes.resolve(ServletViews.of(request)).orElse(null);
        if (scope == null) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        ActivityContext.current()
                .action(ActivityExport.ACTION)
                .data("filter", ActivityQueryParameters.describe(params));
        ExportFormat format = ExportFormat.fromParameters(params);
        ActivityQuery query = ActivityQueryParameters.parse(params);
        ActivityContext.current()
                .data("format", format.extension())
                .remarks("Activity export as " + format.extension().toUpperCase(Locale.ROOT));
        ActivityExport export = ActivityExport.start(scope, store, query, format);
        String file = "activity-" + FILE_TIME.format(clock.instant()) + "." + format.extension();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(out -> {
                    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
                    export.writeTo(w);
                    w.flush();
                });
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<String> badRequest(IllegalArgumentException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore())
                .body(ActivityJsonWriter.error(
                        "bad_request", Objects.requireNonNullElse(e.getMessage(), "bad request")));
    }
}
