// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.internal.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    @TempDir
    Path dir;

    private static List<ActivityLog> logs(int n) {
        List<ActivityLog> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(ActivityLog.builder(ActionType.CREATE)
                    .actor("a" + i)
                    .remarks("r" + i)
                    .build());
        }
        return out;
    }

    private static List<UUID> ids(List<ActivityLog> logs) {
        return logs.stream().map(ActivityLog::id).toList();
    }

    private List<ActivityLog> readAll(Journal j) throws IOException {
        List<ActivityLog> out = new ArrayList<>();
        while (j.hasPending()) {
            JournalReader.Batch b = j.read(7);
            out.addAll(b.records());
            j.commit(b);
        }
        return out;
    }

    private Path onlySegment() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".jnl")).findFirst().orElseThrow();
        }
    }

    @Test
    void anInterruptedCallerAppendsAndLeavesTheJournalWorkingForEveryoneElse() throws IOException {
        List<ActivityLog> first = logs(3);
        List<ActivityLog> second = logs(4);
        try (Journal j = Journal.open(dir, 1 << 20)) {
            // Like the writer that close() interrupted, or a request thread with its interrupt set.
            Thread.currentThread().interrupt();
            try {
                j.append(first, l -> l);
                j.sync(j.endOffset());
                assertThat(Thread.currentThread().isInterrupted())
                        .as("the caller's interrupt is kept")
                        .isTrue();
            } finally {
                Thread.interrupted();
            }
            j.append(second, l -> l);
            List<UUID> expected = new ArrayList<>(ids(first));
            expected.addAll(ids(second));
            assertThat(ids(readAll(j))).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void replaysInOrderAcrossRestartsAndTrims() throws IOException {
        List<ActivityLog> logs = logs(50);
        try (Journal j = Journal.open(dir, 1 << 20)) {
            j.sync(j.append(logs.subList(0, 30), UnaryOperator.identity()));
        }
        try (Journal j = Journal.open(dir, 1 << 20)) {
            j.sync(j.append(logs.subList(30, 50), UnaryOperator.identity()));
            assertThat(ids(readAll(j))).isEqualTo(ids(logs));
            assertThat(j.pendingBytes()).isZero();
        }
        try (Journal j = Journal.open(dir, 1 << 20)) {
            assertThat(j.hasPending()).isFalse();
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.filter(p -> p.toString().endsWith(".jnl")))
                    .as("replayed segments are deleted")
                    .isEmpty();
        }
    }

    @Test
    void tornTailIsReportedAndSkipped() throws IOException {
        List<ActivityLog> logs = logs(10);
        try (Journal j = Journal.open(dir, 1 << 20)) {
            j.sync(j.append(logs, UnaryOperator.identity()));
        }
        Path seg = onlySegment();
        // Power loss mid-write: the last line lost its end.
        long size = Files.size(seg);
        try (RandomAccessFile f = new RandomAccessFile(seg.toFile(), "rw")) {
            f.setLength(size - 40);
        }
        try (Journal j = Journal.open(dir, 1 << 20)) {
            assertThat(ids(readAll(j))).isEqualTo(ids(logs.subList(0, 9)));
            assertThat(j.skipped()).isEqualTo(1);
        }
    }

    @Test
    void corruptRecordInTheMiddleIsSkippedTheRestReplays() throws IOException {
        List<ActivityLog> logs = logs(10);
        try (Journal j = Journal.open(dir, 1 << 20)) {
            j.sync(j.append(logs, UnaryOperator.identity()));
        }
        Path seg = onlySegment();
        String text = Files.readString(seg, StandardCharsets.UTF_8);
        Files.writeString(
                seg,
                text.replace("\"r4\"", "\"R4\"") + "garbage without newline",
                StandardCharsets.UTF_8,
                StandardOpenOption.TRUNCATE_EXISTING);
        try (Journal j = Journal.open(dir, 1 << 20)) {
            List<UUID> expected = new ArrayList<>(ids(logs));
            expected.remove(4);
            assertThat(ids(readAll(j))).isEqualTo(expected);
            assertThat(j.skipped()).isEqualTo(2);
        }
    }

    @Test
    void refusesAppendsBeyondItsSizeAndASecondOwner() throws IOException {
        try (Journal j = Journal.open(dir, 4096)) {
            assertThatThrownBy(() -> Journal.open(dir, 4096)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> {
                        for (int i = 0; i < 100; i++) {
                            j.append(logs(1), UnaryOperator.identity());
                        }
                    })
                    .isInstanceOf(Journal.FullException.class);
            readAll(j);
            j.append(logs(1), UnaryOperator.identity());
        }
    }
}
