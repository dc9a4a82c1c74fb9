// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.web;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.Target;
import dev.auditsdk.http.HttpExchange;
import dev.auditsdk.http.RemarksFormatter;
import java.lang.reflect.Method;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * What the annotations of one handler method ask for, resolved once per method: whether it is
 * recorded, and the action, remarks template and target of its records. A method annotation wins
 * attribute by attribute over its class's; {@link NoAudit} loses to an {@link AuditActivity} on the
 * method itself.
 */
final class HandlerPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(HandlerPolicy.class);
    static final HandlerPolicy SKIP = new HandlerPolicy(false, "", null, null, null, "id");

    final boolean record;
    /** {@code Controller#method}, kept in the record's data. */
    final String handler;

    final @Nullable ActionType action;
    final @Nullable RemarksFormatter remarks;
    final @Nullable String targetType;
    final String targetIdVariable;

    private HandlerPolicy(
            boolean record,
            String handler,
            @Nullable ActionType action,
            @Nullable RemarksFormatter remarks,
            @Nullable String targetType,
            String targetIdVariable) {
        this.record = record;
        this.handler = handler;
        this.action = action;
        this.remarks = remarks;
        this.targetType = targetType;
        this.targetIdVariable = targetIdVariable;
    }

    /**
     * @throws IllegalArgumentException when an annotation names an invalid action
     */
    static HandlerPolicy resolve(HandlerMethod handler, boolean annotatedOnly) {
        Method method = handler.getMethod();
        Class<?> type = handler.getBeanType();
        AuditActivity onMethod = AnnotatedElementUtils.findMergedAnnotation(method, AuditActivity.class);
        AuditActivity onType = AnnotatedElementUtils.findMergedAnnotation(type, AuditActivity.class);
        boolean noAudit = AnnotatedElementUtils.hasAnnotation(method, NoAudit.class)
                || (onMethod == null && AnnotatedElementUtils.hasAnnotation(type, NoAudit.class));
        if (noAudit || (annotatedOnly && onMethod == null && onType == null)) {
            return SKIP;
        }
        String action = pick(onMethod, onType, AuditActivity::action);
        String remarks = pick(onMethod, onType, AuditActivity::remarks);
        String targetType = pick(onMethod, onType, AuditActivity::targetType);
        String idVariable = onMethod != null && !onMethod.targetIdVariable().equals("id")
                ? onMethod.targetIdVariable()
                : onType != null ? onType.targetIdVariable() : "id";
        return new HandlerPolicy(
                true,
                type.getSimpleName() + "#" + method.getName(),
                action.isEmpty() ? null : ActionType.of(action),
                remarks.isEmpty() ? null : remarks(remarks, type.getSimpleName() + "#" + method.getName()),
                targetType.isEmpty() ? null : targetType,
                idVariable);
    }

    /** The annotation's target, when it names a type and the path variable is present. */
    @Nullable
    Target target(Map<String, String> pathVariables) {
        if (targetType == null) {
            return null;
        }
        String id = pathVariables.get(targetIdVariable);
        return id == null || id.isBlank() ? null : Target.of(targetType, id);
    }

    /** The annotation's remarks rendered for a record mapped from {@code exchange}, or the record unchanged. */
    ActivityLog applyRemarks(ActivityLog log, HttpExchange exchange) {
        return remarks == null
                ? log
                : log.toBuilder()
                        .remarks(remarks.remarks(exchange, log.actor().orElse(null), log.action()))
                        .build();
    }

    /** Core's template with path variables; an invalid one keeps the default remarks rather than lose the records. */
    private static @Nullable RemarksFormatter remarks(String template, String handler) {
        try {
            return RemarksFormatter.templateWithPathVariables(template);
        } catch (IllegalArgumentException e) {
            LOG.error(
                    "Invalid @AuditActivity remarks on {}; its records keep the default remarks: {}",
                    handler,
                    e.getMessage());
            return null;
        }
    }

    private interface Attribute {
        String of(AuditActivity a);
    }

    private static String pick(@Nullable AuditActivity onMethod, @Nullable AuditActivity onType, Attribute attribute) {
        if (onMethod != null && !attribute.of(onMethod).isEmpty()) {
            return attribute.of(onMethod);
        }
        return onType != null ? attribute.of(onType) : "";
    }
}
