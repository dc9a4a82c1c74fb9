package dev.auditsdk.examples.servlet;

import dev.auditsdk.ActivityContext;
import dev.auditsdk.http.ReadScopeResolver;
import dev.auditsdk.read.ActivityExport;
import dev.auditsdk.read.ActivityQueryParameters;
import dev.auditsdk.read.ExportFormat;
import dev.auditsdk.read.ReadScope;
import dev.auditsdk.servlet.ServletViews;
import dev.auditsdk.spi.ActivityStore;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/activity/export?format=csv|jsonl} plus the read API's parameters: every matching
 * record, newest first, streamed by the SDK's {@link ActivityExport} one store page at a time, as the
 * Spring example does. Recorded as action {@code Export}. Auditors only (see {@link AuthorizationFilter}).
 */
final class ActivityExportServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final transient ActivityStore store;
    private final transient ReadScopeResolver scopes;
    private final transient Clock clock = Clock.systemUTC();

    ActivityExportServlet(ActivityStore store, ReadScopeResolver scopes) {
        this.store = store;
        this.scopes = scopes;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String[]> params = request.getParameterMap();
        ReadScope scope = scopes.resolve(ServletViews.of(request)).orElse(null);
        if (scope == null) {
            response.sendError(403);
            return;
        }
        ActivityContext.current()
                .action(ActivityExport.ACTION)
                .data("filter", ActivityQueryParameters.describe(params));
        ActivityExport export;
        try {
            ExportFormat format = ExportFormat.fromParameters(params);
            ActivityContext.current()
                    .data("format", format.extension())
                    .remarks("Activity export as " + format.extension().toUpperCase(Locale.ROOT));
            export = ActivityExport.start(scope, store, ActivityQueryParameters.parse(params), format);
        } catch (IllegalArgumentException e) {
            ActivityApiServlet.badRequest(response, e);
            return;
        }
        String file = "activity-" + FILE_TIME.format(clock.instant()) + "."
                + export.format().extension();
        response.setStatus(200);
        response.setContentType(export.format().mediaType());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        export.writeTo(response.getWriter());
    }
}
