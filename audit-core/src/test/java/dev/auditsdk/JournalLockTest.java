// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One recorder per journal directory: a second one fails at build() and names the directory. */
class JournalLockTest {
    @TempDir
    Path dir;

    private ActivityRecorder.Builder recorder() {
        return ActivityRecorder.builder().store(InMemoryActivityStore.create()).journal(dir);
    }

    @Test
    void aSecondRecorderInThisProcessIsRefusedAtBuild() {
        try (ActivityRecorder first = recorder().build()) {
            assertThatThrownBy(() -> recorder().build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(dir.toString())
                    .hasMessageContaining("already in use by another recorder in this process");
            first.record(ActionType.READ, b -> b.actor("still-works"));
        }
        // Refusing the second recorder left nothing behind: the directory is free again.
        try (ActivityRecorder again = recorder().build()) {
            assertThat(again.stats().lost()).isZero();
        }
    }

    @Test
    void aRecorderIsRefusedWhileAnotherProcessHoldsTheDirectory() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        JournalLockHolder.class.getName(),
                        dir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("locked true");
            assertThatThrownBy(() -> recorder().build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(dir.toString())
                    .hasMessageContaining("in use by another process");
        } finally {
            child.getOutputStream().close();
            boolean exited = child.waitFor(30, TimeUnit.SECONDS);
            if (!exited) {
                child.destroyForcibly(); // never leave the lock holder running when the test fails
            }
            assertThat(exited).as("the lock holder exits when its input closes").isTrue();
        }
        try (ActivityRecorder free = recorder().build()) {
            assertThat(free.stats().lost()).isZero();
        }
    }
}
