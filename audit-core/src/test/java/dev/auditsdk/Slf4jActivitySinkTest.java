package dev.auditsdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class Slf4jActivitySinkTest {
    @Test
    void writesOneJsonLinePerRecordEvenWithLineBreaksInside() {
        ActivityLog log = ActivityLog.builder(ActionType.LOGIN_FAILED)
                .actor("mallory")
                .remarks("Login Attempt Failed for x\nINFO dev.auditsdk.activity - {\"forged\":true}")
                .build();
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Slf4jActivitySink.create().append(List.of(log, log));
        } finally {
            System.setErr(originalErr);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(l -> l.contains(Slf4jActivitySink.DEFAULT_LOGGER))
                .toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"action\":\"Login Failed\"", "\"actor\":\"mallory\"", "\\n");
    }
}
