package dev.auditsdk.read;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityPage;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.spi.ActivityStore;
import java.io.IOException;
import java.io.Writer;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Every record matching a query, newest first, written as CSV or JSON Lines. The store is read page
 * by page ({@value #PAGE_SIZE} records a call, following its keyset cursor), so an export of any size
 * holds one page in memory. The first page is read when the export is {@linkplain #start started},
 * before anything is written, so a bad query (a malformed cursor, a range the store refuses) fails
 * while a response can still answer 400; a failure later ends the output early.
 *
 * <pre>{@code
 * Map<String, String[]> params = request.getParameterMap();
 * ActivityExport export = ActivityExport.start(
 *         callersScope, store, ActivityQueryParameters.parse(params), ExportFormat.fromParameters(params));
 * response.setContentType(export.format().mediaType());
 * export.writeTo(response.getWriter());
 * }</pre>
 *
 * <p>The query's filters and cursor apply, within the caller's {@link ReadScope}; its page size does not.
 *
 * @since 0.1
 */
public final class ActivityExport {
    /** Records read from the store a call. */
    public static final int PAGE_SIZE = ActivityQuery.MAX_LIMIT;

    /** The action type under which surfaces record an export, {@code "Export"}. */
    public static final ActionType ACTION = ActionType.of("Export");

    private final ActivityStore store;
    private final ActivityQuery query;
    private final ExportFormat format;
    private @Nullable ActivityPage first;

    private ActivityExport(ActivityStore store, ActivityQuery query, ExportFormat format, ActivityPage first) {
        this.store = store;
        this.query = query;
        this.format = format;
        this.first = first;
    }

    /**
     * Reads the first page of the export.
     *
     * @param scope whose records the export may hold: the caller's, or {@link ReadScope#allTenants()}
     *     for an operator
     * @throws IllegalArgumentException if the store refuses the query, e.g. for a malformed cursor
     */
    public static ActivityExport start(ReadScope scope, ActivityStore store, ActivityQuery query, ExportFormat format) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(format, "format");
        ActivityStore visible = scope.over(store);
        ActivityQuery paged = query.toBuilder().limit(PAGE_SIZE).build();
        return new ActivityExport(visible, paged, format, visible.find(paged));
    }

    /** The format this export writes. */
    public ExportFormat format() {
        return format;
    }

    /**
     * Writes every matching record, flushing after each page; call once.
     *
     * @return how many records were written
     * @throws IOException if the writer fails
     * @throws IllegalStateException if the export was already written
     */
    public long writeTo(Writer out) throws IOException {
        Objects.requireNonNull(out, "out");
        ActivityPage page = first;
        if (page == null) {
            throw new IllegalStateException("this export was already written");
        }
        first = null; // let the first page go once written, so one page at a time stays in memory
        if (format == ExportFormat.CSV) {
            ActivityCsvWriter.writeHeader(out);
        }
        long written = 0;
        while (true) {
            for (ActivityLog log : page.items()) {
                if (format == ExportFormat.CSV) {
                    ActivityCsvWriter.writeRow(log, out);
                } else {
                    ActivityJsonWriter.writeLine(log, out);
                }
                written++;
            }
            out.flush();
            Optional<String> cursor = page.nextCursor();
            if (cursor.isEmpty()) {
                return written;
            }
            page = store.find(query.toBuilder().cursor(cursor.get()).build());
        }
    }
}
