package dev.auditsdk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.ActionType;
import org.junit.jupiter.api.Test;

class RemarksFormatterTest {
    private static final HttpExchange EX = HttpExchange.builder(
                    HttpRequestView.builder("PATCH", "/api/posts/7").build())
            .route("posts-detail")
            .status(201)
            .build();

    @Test
    void seedFormExactly() {
        assertThat(RemarksFormatter.seed().remarks(EX, "alice", ActionType.UPDATE))
                .isEqualTo("User: alice -- Action Type: Update -- Path: /api/posts/7 -- Path Name: posts-detail");
    }

    @Test
    void templatePlaceholders() {
        assertThat(RemarksFormatter.template("[{USER}|{action}|{method}|{path}|{route}|{status}]")
                        .remarks(EX, null, ActionType.UPDATE))
                .isEqualTo("[None|Update|PATCH|/api/posts/7|posts-detail|201]");
        assertThat(RemarksFormatter.template("plain").remarks(EX, "a", ActionType.READ))
                .isEqualTo("plain");
        assertThat(RemarksFormatter.template("").remarks(EX, "a", ActionType.READ))
                .isEmpty();
    }

    @Test
    void badTemplatesFailAtConfiguration() {
        assertThatThrownBy(() -> RemarksFormatter.template("{nope}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope");
        assertThatThrownBy(() -> RemarksFormatter.template("{user")).isInstanceOf(IllegalArgumentException.class);
    }
}
