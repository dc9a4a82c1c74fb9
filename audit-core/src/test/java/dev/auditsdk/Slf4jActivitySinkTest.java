// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.testlog.LogCapture;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class Slf4jActivitySinkTest {
    @Test
    void writesOneJsonLinePerRecordEvenWithLineBreaksInside() {
        ActivityLog log = ActivityLog.builder(ActionType.LOGIN_FAILED)
                .actor("mallory")
                .remarks("Login Attempt Failed for x\nINFO dev.auditsdk.activity - {\"forged\":true}")
                .build();
        List<LogCapture.Event> events;
        try (LogCapture logs = LogCapture.ofThisThreadAnd()) {
            Slf4jActivitySink.create().append(List.of(log, log));
            events = logs.events().stream()
                    .filter(e -> e.logger().equals(Slf4jActivitySink.DEFAULT_LOGGER))
                    .toList();
        }
        assertThat(events).hasSize(2).allMatch(e -> e.level() == Level.INFO);
        String line = events.get(0).message();
        assertThat(line).doesNotContain("\n").contains("\"action\":\"Login Failed\"", "\"actor\":\"mallory\"", "\\n");
    }
}
