package dev.auditsdk.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RemarksTemplateTest {
    private final ActivityLog log = ActivityLog.builder(ActionType.UPDATE)
            .actor("alice")
            .httpMethod("PUT")
            .httpPath("/api/posts/7")
            .httpRoute("/api/posts/{id}")
            .build();

    @Test
    void replacesPathVariablesAndKnownNames() {
        assertThat(RemarksTemplate.parse("{user} {action} {method} {path} {route} post {id}")
                        .render(log, Map.of("id", "7")))
                .isEqualTo("alice Update PUT /api/posts/7 /api/posts/{id} post 7");
    }

    @Test
    void pathVariablesWinOverKnownNames() {
        assertThat(RemarksTemplate.parse("by {user}").render(log, Map.of("user", "bob")))
                .isEqualTo("by bob");
    }

    @Test
    void unknownNamesAndStrayBracesStayAsWritten() {
        assertThat(RemarksTemplate.parse("{nope} and { open").render(log, Map.of()))
                .isEqualTo("{nope} and { open");
        assertThat(RemarksTemplate.parse("} {}").render(log, Map.of())).isEqualTo("} {}");
        assertThat(RemarksTemplate.parse("").render(log, Map.of())).isEmpty();
    }

    @Test
    void anonymousUserAndMissingRouteReadNone() {
        ActivityLog anonymous = ActivityLog.builder(ActionType.READ).build();
        assertThat(RemarksTemplate.parse("{user} at {route}").render(anonymous, Map.of()))
                .isEqualTo("None at None");
    }
}
