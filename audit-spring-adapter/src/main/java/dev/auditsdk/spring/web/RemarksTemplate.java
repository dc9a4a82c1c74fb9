package dev.auditsdk.spring.web;

import dev.auditsdk.ActivityLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The remarks template of {@link AuditActivity#remarks()}: {@code {name}} is a path variable or one of
 * {@code user}, {@code method}, {@code path}, {@code route}, {@code action}; unknown names stay as
 * written, so a template never fails at run time. Parsed once per handler method.
 */
final class RemarksTemplate {
    private final List<String> parts;

    private RemarksTemplate(List<String> parts) {
        this.parts = parts;
    }

    /** Even indexes are literals, odd indexes are placeholder names. */
    static RemarksTemplate parse(String template) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (true) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open + 1);
            if (close < 0) {
                parts.add(template.substring(i));
                return new RemarksTemplate(List.copyOf(parts));
            }
            parts.add(template.substring(i, open));
            parts.add(template.substring(open + 1, close));
            i = close + 1;
        }
    }

    String render(ActivityLog log, Map<String, String> pathVariables) {
        StringBuilder sb = new StringBuilder(64);
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (i % 2 == 0) {
                sb.append(part);
                continue;
            }
            String value = pathVariables.get(part);
            if (value == null) {
                value = switch (part) {
                    case "user" -> log.actor().orElse("None");
                    case "method" -> log.httpMethod().orElse("");
                    case "path" -> log.httpPath().orElse("");
                    case "route" -> log.httpRoute().orElse("None");
                    case "action" -> log.action().name();
                    default -> "{" + part + "}";
                };
            }
            sb.append(value);
        }
        return sb.toString();
    }
}
