// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostileInputTest {

    private static Map<String, Object> deep(int depth) {
        Map<String, Object> root = new HashMap<>();
        Map<String, Object> current = root;
        for (int i = 0; i < depth; i++) {
            Map<String, Object> next = new HashMap<>();
            current.put("level", next);
            current = next;
        }
        current.put("bottom", true);
        return root;
    }

    @Test
    void hugeRemarksAndDeepOrLargeDataAreStoredBoundedWithMarkers() {
        char[] tenMegabytes = new char[10 * 1024 * 1024];
        Arrays.fill(tenMegabytes, 'r');
        Map<String, Object> oneMegabyte = new LinkedHashMap<>();
        for (int i = 0; i < 1024; i++) {
            oneMegabyte.put("k" + i, "x".repeat(1024));
        }
        Map<String, Object> secrets = Map.of(
                "user",
                Map.of("profile", Map.of("Password", "hunter2", "X-Api_Key", "k1")),
                "list",
                List.of(Map.of("sessionToken", "abc")),
                "title",
                "visible");

        InMemoryActivityStore store = InMemoryActivityStore.create();
        try (ActivityRecorder recorder = ActivityRecorder.builder().store(store).build()) {
            recorder.record(
                    ActionType.UPDATE,
                    b -> b.actor("alice").remarks(new String(tenMegabytes)).data(deep(10_000)));
            recorder.record(ActionType.UPDATE, b -> b.actor("alice").data(oneMegabyte));
            recorder.record(ActionType.UPDATE, b -> b.actor("alice").data(secrets));
            assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();
        }
        List<ActivityLog> logs = store.all();
        assertThat(logs).hasSize(3);
        ActivityLog deepLog =
                logs.stream().filter(l -> l.remarks().isPresent()).findFirst().orElseThrow();
        assertThat(deepLog.remarks().orElseThrow()).hasSize(4096).endsWith("...[truncated]");
        assertThat(depthOf(deepLog.data())).isLessThanOrEqualTo(33);
        assertThat(deepLog.data().toString()).contains("...[truncated]");

        ActivityLog large = logs.stream()
                .filter(l -> l.data().containsKey("k0"))
                .findFirst()
                .orElseThrow();
        assertThat(large.data().toString().length()).isLessThan(70 * 1024);
        assertThat(large.data()).containsEntry("_truncated", "...[truncated]");

        ActivityLog masked = logs.stream()
                .filter(l -> l.data().containsKey("title"))
                .findFirst()
                .orElseThrow();
        String text = masked.data().toString();
        assertThat(text).doesNotContain("hunter2", "k1", "abc").contains("[REDACTED]", "visible");
    }

    @SuppressWarnings("unchecked")
    private static int depthOf(Object value) {
        int depth = 0;
        Object current = value;
        while (current instanceof Map<?, ?> m && m.containsKey("level")) {
            depth++;
            current = ((Map<String, Object>) m).get("level");
        }
        return depth;
    }

    @Test
    void crLfAndControlCharactersCannotForgeLines() {
        ActivityLog log = Sanitizer.defaults()
                .sanitize(ActivityLog.builder(ActionType.READ)
                        .actor("eve\r\nINFO forged")
                        .loginName("mallory\nINFO forged" + "x".repeat(1000))
                        .remarks("ok\n2026-01-01 INFO admin logged in\u0000\u001b[31m\u2028")
                        .httpPath("/api/posts/<script>alert(1)</script>")
                        .build());
        assertThat(log.actor()).contains("eve\\r\\nINFO forged");
        assertThat(log.loginName().orElseThrow())
                .startsWith("mallory\\nINFO forged")
                .hasSize(255)
                .endsWith("...[truncated]");
        assertThat(log.remarks().orElseThrow())
                .doesNotContain("\n", "\u0000", "\u001b", "\u2028")
                .contains("\\n2026-01-01", "\\u0000", "\\u001b", "\\u2028");
        assertThat(log.httpPath()).contains("/api/posts/<script>alert(1)</script>");
    }

    @Test
    void loneSurrogatesAreReplacedAndPairsKept() {
        ActivityLog log = Sanitizer.defaults()
                .sanitize(ActivityLog.builder(ActionType.READ)
                        .remarks("a\uD800b 😀")
                        .build());
        assertThat(log.remarks()).contains("a\uFFFDb 😀");
    }

    @Test
    void redactKeysAreConfigurable() {
        Sanitizer sanitizer = Sanitizer.builder().redactKeys(List.of("ssn")).build();
        ActivityLog log = sanitizer.sanitize(ActivityLog.builder(ActionType.READ)
                .data(Map.of("SSN", "123-45-6789", "password", "kept-because-not-configured"))
                .build());
        assertThat(log.data())
                .containsEntry("SSN", "[REDACTED]")
                .containsEntry("password", "kept-because-not-configured");
        assertThat(Sanitizer.defaults().isSecretKey("Authorization")).isTrue();
        assertThat(Sanitizer.defaults().isSecretKey("client-secret")).isTrue();
        assertThat(Sanitizer.defaults().isSecretKey("title")).isFalse();
    }

    @Test
    void cleanRecordsAreNotCopied() {
        ActivityLog log = ActivityLog.builder(ActionType.READ)
                .actor("alice")
                .remarks("fine")
                .data(Map.of("a", 1))
                .build();
        assertThat(Sanitizer.defaults().sanitize(log)).isSameAs(log);
    }
}
