package dev.auditsdk.examples.spring;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityContext;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityPage;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.spi.ActivityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/activity/export?format=csv|jsonl} plus the read API's filters: every matching
 * record, newest first, streamed page by page (1,000 records per store query) so an export of any
 * size holds one page in memory. The export itself is recorded, as action {@code Export}. Absent
 * when {@code audit.enabled=false}: there is no store to export from, and the app must still start.
 */
@RestController
@ConditionalOnProperty(name = "audit.enabled", havingValue = "true", matchIfMissing = true)
class ActivityExportController {
    static final ActionType EXPORT = ActionType.of("Export");
    private static final int PAGE = 1000;
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final ActivityStore store;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();

    ActivityExportController(ActivityStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    @GetMapping("/api/activity/export")
    ResponseEntity<StreamingResponseBody> export(
            @RequestParam(defaultValue = "csv") String format, HttpServletRequest request) {
        Format f = Format.parse(format);
        ActivityQuery query = ActivityQueryParams.filters(request).limit(PAGE).build();
        ActivityContext.current()
                .action(EXPORT)
                .data("format", f.extension)
                .data("filter", filterOf(request))
                .remarks("Activity export as " + f.extension.toUpperCase(Locale.ROOT));
        String file = "activity-" + FILE_TIME.format(clock.instant()) + "." + f.extension;
        return ResponseEntity.ok()
                .contentType(f.mediaType)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .body(out -> {
                    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
                    if (f == Format.CSV) {
                        writeCsv(query, w);
                    } else {
                        writeJsonLines(query, w);
                    }
                    w.flush();
                });
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "error", "bad_request", "message", Objects.requireNonNullElse(e.getMessage(), "bad request")));
    }

    private void writeCsv(ActivityQuery query, Writer w) throws IOException {
        w.write(String.join(",", ActivityRows.COLUMNS));
        w.write("\r\n");
        forEach(query, w, log -> {
            Map<String, @Nullable Object> row = ActivityRows.row(log);
            StringBuilder line = new StringBuilder(256);
            for (String column : ActivityRows.COLUMNS) {
                line.append(CsvCells.cell(text(row.get(column)))).append(',');
            }
            line.setLength(line.length() - 1);
            w.write(line.append("\r\n").toString());
        });
    }

    private void writeJsonLines(ActivityQuery query, Writer w) throws IOException {
        forEach(query, w, log -> {
            Map<String, @Nullable Object> row = new LinkedHashMap<>(ActivityRows.row(log));
            row.values().removeIf(Objects::isNull);
            w.write(json.writeValueAsString(row));
            w.write('\n');
        });
    }

    /** Pages through the store with its keyset cursor, flushing after each page. */
    private void forEach(ActivityQuery first, Writer w, RecordWriter each) throws IOException {
        ActivityQuery query = first;
        while (true) {
            ActivityPage page = store.find(query);
            for (ActivityLog log : page.items()) {
                each.write(log);
            }
            w.flush();
            Optional<String> cursor = page.nextCursor();
            if (cursor.isEmpty()) {
                return;
            }
            query = query.toBuilder().cursor(cursor.get()).build();
        }
    }

    @FunctionalInterface
    private interface RecordWriter {
        void write(ActivityLog log) throws IOException;
    }

    private @Nullable String text(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Map ? json.writeValueAsString(value) : value.toString();
    }

    private static Map<String, String> filterOf(HttpServletRequest request) {
        Map<String, String> filter = new LinkedHashMap<>();
        for (String name : new String[] {"actor", "action", "status", "targetType", "targetId", "from", "to", "q"}) {
            String value = request.getParameter(name);
            if (value != null && !value.isBlank()) {
                filter.put(name, value);
            }
        }
        return filter;
    }

    @SuppressWarnings("ImmutableEnumChecker") // MediaType is immutable, only not annotated as such
    private enum Format {
        CSV("csv", new MediaType("text", "csv", StandardCharsets.UTF_8)),
        JSONL("jsonl", new MediaType("application", "x-ndjson", StandardCharsets.UTF_8));

        final String extension;
        final MediaType mediaType;

        Format(String extension, MediaType mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        static Format parse(String value) {
            for (Format f : values()) {
                if (f.extension.equalsIgnoreCase(value.strip())) {
                    return f;
                }
            }
            throw new IllegalArgumentException("format must be csv or jsonl, got '" + value + "'");
        }
    }
}
