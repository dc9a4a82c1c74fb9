// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes the record of a controller method (or of every method of a controller class; an
 * annotation on the method wins attribute by attribute over the class's): the Spring form of the
 * seed's per-view {@code log_message}. With {@code audit.web.mode=annotated} only annotated
 * handlers are recorded.
 *
 * <pre>{@code
 * @PutMapping("/posts/{id}")
 * @AuditActivity(remarks = "{user} changed post {id}", targetType = "Post", targetIdVariable = "id")
 * Post update(@PathVariable long id, @RequestBody PostForm form) { ... }
 * }</pre>
 *
 * Values set at run time through {@link dev.auditsdk.ActivityContext#current()} win over the annotation.
 *
 * @since 0.1
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AuditActivity {
    /** The action name, e.g. {@code "Export"} or {@code "Read"}; empty derives it from the HTTP method. */
    String action() default "";

    /**
     * The remarks template; empty keeps the default remarks. The syntax is core's
     * ({@link dev.auditsdk.http.RemarksFormatter#templateWithPathVariables}): {@code {user}},
     * {@code {action}}, {@code {method}}, {@code {path}}, {@code {route}} and {@code {status}} are the
     * record's own values (a path variable of the same name never replaces them); any other
     * {@code {name}} is the path variable {@code name}, written as {@code {name}} when the request
     * has none; <code>&#123;&#123;</code> is a literal brace. An unclosed brace is an error: it is
     * logged at the handler's first request and its records keep the default remarks.
     */
    String remarks() default "";

    /** The target type, e.g. {@code "Post"}; empty for none. */
    String targetType() default "";

    /** The path variable holding the target's id; used with {@link #targetType()}. Default {@code id}. */
    String targetIdVariable() default "id";
}
