package dev.auditsdk.http;

import dev.auditsdk.ActionType;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Writes the default remarks of a request's record (used when the handler set none through
 * {@code ActivityContext}). The default is the seed's form:
 * {@code User: alice -- Action Type: Update -- Path: /api/posts/7 -- Path Name: posts-detail}.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface RemarksFormatter {
    /** The seed's template; a missing user or route prints as {@code None}, as in the seed. */
    String SEED_TEMPLATE = "User: {user} -- Action Type: {action} -- Path: {path} -- Path Name: {route}";

    /**
     * The remarks for this exchange.
     *
     * @param actor the resolved actor, null when anonymous
     */
    String remarks(HttpExchange exchange, @Nullable String actor, ActionType action);

    /** The seed's remarks ({@link #SEED_TEMPLATE}). */
    static RemarksFormatter seed() {
        return RemarksTemplate.SEED;
    }

    /**
     * Remarks from a template with placeholders {@code {user}}, {@code {action}}, {@code {method}},
     * {@code {path}}, {@code {route}}, {@code {status}}; <code>&#123;&#123;</code> is a literal opening brace. Parsed once, here.
     *
     * @throws IllegalArgumentException for an unknown placeholder or an unclosed brace
     */
    static RemarksFormatter template(String template) {
        return RemarksTemplate.parse(Objects.requireNonNull(template, "template"));
    }
}
