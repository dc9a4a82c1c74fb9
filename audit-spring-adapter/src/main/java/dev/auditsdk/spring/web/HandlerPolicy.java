package dev.auditsdk.spring.web;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.Target;
import java.lang.reflect.Method;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * What the annotations of one handler method ask for, resolved once per method: whether it is
 * recorded, and the action, remarks template and target of its records. A method annotation wins
 * attribute by attribute over its class's; {@link NoAudit} loses to an {@link AuditActivity} on the
 * method itself.
 */
final class HandlerPolicy {
    static final HandlerPolicy SKIP = new HandlerPolicy(false, "", null, null, null, "id");

    final boolean record;
    /** {@code Controller#method}, kept in the record's data. */
    final String handler;

    final @Nullable ActionType action;
    final @Nullable RemarksTemplate remarks;
    final @Nullable String targetType;
    final String targetIdVariable;

    private HandlerPolicy(
            boolean record,
            String handler,
            @Nullable ActionType action,
            @Nullable RemarksTemplate remarks,
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
                remarks.isEmpty() ? null : RemarksTemplate.parse(remarks),
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

    /** The annotation's remarks rendered for a built record, or the record unchanged. */
    ActivityLog applyRemarks(ActivityLog log, Map<String, String> pathVariables) {
        return remarks == null
                ? log
                : log.toBuilder().remarks(remarks.render(log, pathVariables)).build();
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
