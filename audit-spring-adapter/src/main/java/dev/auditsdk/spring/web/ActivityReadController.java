package dev.auditsdk.spring.web;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityContext;
import dev.auditsdk.ActivityPage;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.Source;
import dev.auditsdk.Status;
import dev.auditsdk.Target;
import dev.auditsdk.http.ReadScopeResolver;
import dev.auditsdk.read.ActivityJsonWriter;
import dev.auditsdk.read.ActivityQueryParameters;
import dev.auditsdk.read.ReadScope;
import dev.auditsdk.spi.ActivityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read API: {@code GET /api/activity?actor=&action=&status=&targetType=&targetId=&requestId=&from=&to=&q=&limit=&cursor=}
 * returns {@code {"items":[…],"nextCursor":"…"|null}} newest first, and {@code GET /api/activity/{id}}
 * one record. Only callers in the configured role may read ({@code HttpServletRequest.isUserInRole},
 * so authority {@code ROLE_AUDITOR} under Spring Security): 401 without a user, 403 without the role.
 * Malformed parameters answer 400 with {@code {"error":"bad_request","message":"…"}}.
 *
 * <p>Every read goes through the caller's {@link ReadScope}, decided by the {@link ReadScopeResolver}
 * from the caller, never from the parameters: a caller of one tenant sees that tenant's records only
 * (a {@code tenant} parameter is replaced), another tenant's record is a 404 exactly like a missing
 * id, and a caller without a scope gets 403.
 *
 * <p>Every read is itself recorded as a {@code Read} of target type {@code ActivityLog} (id
 * {@code *} for a listing), with the filters in {@code data.query}: by the MVC capture when it
 * handles the request, directly otherwise. The path is {@code audit.web.read-api.path}.
 *
 * @since 0.1
 */
@RestController
@AuditActivity(action = "Read", targetType = ActivityReadController.TARGET_TYPE)
public final class ActivityReadController {
    /** The target type of the records of reads. */
    public static final String TARGET_TYPE = "ActivityLog";

    private final ActivityStore store;
    private final ActivityRecorder recorder;
    private final String role;
    private final ReadScopeResolver scopes;

    private ActivityReadController(
            ActivityStore store, ActivityRecorder recorder, String role, ReadScopeResolver scopes) {
        this.store = store;
        this.recorder = recorder;
        this.role = role;
        this.scopes = scopes;
    }

    /**
     * A read API over {@code store}, recording reads into {@code recorder}, for callers in {@code role},
     * each seeing what {@code scopes} allows them ({@link ReadScopeResolver#allTenants()} without tenants).
     *
     * @param role without the {@code ROLE_} prefix, e.g. {@code AUDITOR}
     */
    public static ActivityReadController create(
            ActivityStore store, ActivityRecorder recorder, String role, ReadScopeResolver scopes) {
        if (role.isBlank()) {
            throw new IllegalArgumentException("role must not be blank");
        }
        return new ActivityReadController(
                Objects.requireNonNull(store, "store"),
                Objects.requireNonNull(recorder, "recorder"),
                role,
                Objects.requireNonNull(scopes, "scopes"));
    }

    /** One page of records, newest first. */
    @GetMapping(path = "${audit.web.read-api.path:/api/activity}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> list(HttpServletRequest request) {
        Map<String, String[]> params = request.getParameterMap();
        Target target = Target.of(TARGET_TYPE, "*");
        ResponseEntity<String> denied = checkRole(request, target);
        if (denied != null) {
            return denied;
        }
        ReadScope scope = scope(request);
        if (scope == null) {
            return noScope(request, target);
        }
        ActivityContext.current().data("query", ActivityQueryParameters.describe(params));
        ActivityPage page;
        try {
            ActivityQuery query = ActivityQueryParameters.parse(params);
            page = scope.over(store).find(query);
        } catch (IllegalArgumentException e) {
            return answer(
                    request,
                    target,
                    HttpStatus.BAD_REQUEST,
                    ActivityJsonWriter.error("bad_request", Objects.requireNonNullElse(e.getMessage(), "bad request")));
        }
        ActivityContext.current().data("returned", page.items().size());
        return answer(request, target, HttpStatus.OK, ActivityJsonWriter.page(page));
    }

    /** One record by id. */
    @GetMapping(path = "${audit.web.read-api.path:/api/activity}/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> one(@PathVariable("id") String id, HttpServletRequest request) {
        Target target = Target.of(TARGET_TYPE, id.isBlank() ? "*" : id);
        ResponseEntity<String> denied = checkRole(request, target);
        if (denied != null) {
            return denied;
        }
        ReadScope scope = scope(request);
        if (scope == null) {
            return noScope(request, target);
        }
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return answer(
                    request,
                    target,
                    HttpStatus.BAD_REQUEST,
                    ActivityJsonWriter.error("bad_request", "the id must be a UUID"));
        }
        return scope.over(store)
                .get(uuid)
                .map(log -> answer(request, target, HttpStatus.OK, ActivityJsonWriter.item(log)))
                .orElseGet(() -> answer(
                        request,
                        target,
                        HttpStatus.NOT_FOUND,
                        ActivityJsonWriter.error("not_found", "no activity record with id " + uuid)));
    }

    private @Nullable ReadScope scope(HttpServletRequest request) {
        return scopes.resolve(ServletViews.of(request)).orElse(null);
    }

    private ResponseEntity<String> noScope(HttpServletRequest request, Target target) {
        return answer(
                request,
                target,
                HttpStatus.FORBIDDEN,
                ActivityJsonWriter.error("forbidden", "reading activity requires a tenant or a cross-tenant role"));
    }

    private @Nullable ResponseEntity<String> checkRole(HttpServletRequest request, Target target) {
        if (request.getUserPrincipal() == null) {
            return answer(
                    request,
                    target,
                    HttpStatus.UNAUTHORIZED,
                    ActivityJsonWriter.error("unauthorized", "reading activity requires an authenticated user"));
        }
        if (!request.isUserInRole(role)) {
            return answer(
                    request,
                    target,
                    HttpStatus.FORBIDDEN,
                    ActivityJsonWriter.error("forbidden", "reading activity requires the role " + role));
        }
        return null;
    }

    private ResponseEntity<String> answer(HttpServletRequest request, Target target, HttpStatus status, String body) {
        ActivityContext context = ActivityContext.current();
        context.action(ActionType.READ).target(target);
        if (!context.isAttached()) {
            // No MVC capture around this request: record the read here so that no read goes unrecorded.
            Principal principal = request.getUserPrincipal();
            recorder.record(
                    ActionType.READ,
                    b -> b.actor(principal == null ? null : principal.getName())
                            .target(target)
                            .status(status.isError() ? Status.FAILED : Status.SUCCESS)
                            .source(Source.HTTP)
                            .httpMethod(request.getMethod())
                            .httpPath(request.getRequestURI())
                            .httpStatus(status.value())
                            .data(Map.of("query", ActivityQueryParameters.describe(request.getParameterMap()))));
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore())
                .body(body);
    }
}
