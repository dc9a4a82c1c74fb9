package dev.auditsdk.spring.web;

import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.http.ReadScopeResolver;
import dev.auditsdk.read.ActivityReadHandler;
import dev.auditsdk.read.ReadRequest;
import dev.auditsdk.read.ReadResponse;
import dev.auditsdk.spi.ActivityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Objects;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The read API at {@code audit.web.read-api.path} (default {@code /api/activity}): the listing,
 * {@code /count}, {@code /export}, {@code /verify} and {@code /{id}}, answered by core's
 * {@link ActivityReadHandler} (see there for parameters and shapes); this class only translates.
 * Only callers in the handler's role may read ({@code HttpServletRequest.isUserInRole}, so
 * authority {@code ROLE_AUDITOR} under Spring Security): 401 without a user, 403 without the role.
 *
 * <p>Every read is itself recorded (action {@code Read}, {@code Export} or {@code Verify}, target
 * type {@code ActivityLog}), by the MVC capture when it handles the request, by the handler otherwise.
 *
 * @since 0.1
 */
@RestController
@AuditActivity(action = "Read", targetType = ActivityReadController.TARGET_TYPE)
public final class ActivityReadController {
    /** The target type of the records of reads. */
    public static final String TARGET_TYPE = ActivityReadHandler.TARGET_TYPE;

    private final ActivityReadHandler handler;
    private final ReadScopeResolver scopes;

    private ActivityReadController(ActivityReadHandler handler, ReadScopeResolver scopes) {
        this.handler = handler;
        this.scopes = scopes;
    }

    /** A read API answering with {@code handler}; every reader sees every record (an application without tenants). */
    public static ActivityReadController of(ActivityReadHandler handler) {
        return of(handler, ReadScopeResolver.allTenants());
    }

    /**
     * A read API answering with {@code handler}; each caller reads only what {@code scopes} resolves for
     * them from the caller, never from the parameters (a caller without a scope gets 403).
     */
    public static ActivityReadController of(ActivityReadHandler handler, ReadScopeResolver scopes) {
        return new ActivityReadController(
                Objects.requireNonNull(handler, "handler"), Objects.requireNonNull(scopes, "scopes"));
    }

    /**
     * A read API over {@code store}, recording reads into {@code recorder}, for callers in {@code role}.
     *
     * @param role without the {@code ROLE_} prefix, e.g. {@code AUDITOR}
     */
    public static ActivityReadController create(
            ActivityStore store, ActivityRecorder recorder, String role, ReadScopeResolver scopes) {
        return of(
                ActivityReadHandler.builder(store)
                        .recorder(Objects.requireNonNull(recorder, "recorder"))
                        .role(role)
                        .build(),
                scopes);
    }

    /** One page of records, newest first. */
    @GetMapping(path = "${audit.web.read-api.path:/api/activity}")
    public ResponseEntity<StreamingResponseBody> list(HttpServletRequest request) {
        return answer("", request);
    }

    /** {@code count}, {@code export}, {@code verify} or one record by id. */
    @GetMapping(path = "${audit.web.read-api.path:/api/activity}/{sub}")
    public ResponseEntity<StreamingResponseBody> sub(@PathVariable("sub") String sub, HttpServletRequest request) {
        return answer(sub, request);
    }

    private ResponseEntity<StreamingResponseBody> answer(String path, HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        ReadResponse answer = handler.handle(new ReadRequest(
                path,
                request.getParameterMap(),
                principal == null ? null : principal.getName(),
                principal != null && request.isUserInRole(handler.role()),
                principal == null
                        ? null
                        : scopes.resolve(ServletViews.of(request)).orElse(null),
                request.getMethod(),
                request.getRequestURI()));
        ResponseEntity.BodyBuilder response =
                ResponseEntity.status(answer.status()).contentType(MediaType.parseMediaType(answer.mediaType()));
        answer.headers().forEach(response::header);
        return response.body(out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            answer.writeTo(w);
            w.flush();
        });
    }
}
