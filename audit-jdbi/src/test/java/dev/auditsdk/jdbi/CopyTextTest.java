// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** COPY's text form, without a database (PostgresCopyIT checks it against what PostgreSQL stores). */
class CopyTextTest {
    @Test
    void escapesExactlyCopysSpecialCharacters() {
        StringBuilder out = new StringBuilder();
        CopyText.escape(out, "a\\b\tc\nd\re \\N 😀 \u0001");
        assertThat(out).hasToString("a\\\\b\\tc\\nd\\re \\\\N 😀 \u0001");
    }

    @Test
    void writesNullsAsBackslashNAndOneLinePerRecord() {
        ActivityLog log = ActivityLog.builder(ActionType.READ)
                .occurredAt(Instant.parse("2026-01-02T03:04:05.000007Z"))
                .remarks("x\0y")
                .data(Map.of())
                .build();
        StringBuilder out = new StringBuilder();
        CopyText.append(out, log, "{}");
        String line = out.toString();
        assertThat(line).endsWith("\n").doesNotContain("\0");
        String[] cols = line.substring(0, line.length() - 1).split("\t", -1);
        assertThat(cols).hasSize(Rows.COLUMNS.size());
        assertThat(cols[0]).isEqualTo(log.id().toString());
        assertThat(cols[1]).isEqualTo("2026-01-02T03:04:05.000007Z");
        assertThat(cols[Rows.COLUMNS.indexOf("actor")]).isEqualTo("\\N");
        assertThat(cols[Rows.COLUMNS.indexOf("remarks")]).isEqualTo("x\\\\u0000y");
        assertThat(cols[Rows.COLUMNS.indexOf("data")]).isEqualTo("{}");
        assertThat(cols[Rows.COLUMNS.indexOf("hash")]).isEqualTo("\\N");
    }

    @Test
    void onlyYearsOneToNineThousandNineHundredNinetyNineFit() {
        assertThat(CopyText.fits(at("0001-01-01T00:00:00Z"))).isTrue();
        assertThat(CopyText.fits(at("9999-12-31T23:59:59.999999Z"))).isTrue();
        assertThat(CopyText.fits(at("0000-12-31T23:59:59.999999Z"))).isFalse();
        assertThat(CopyText.fits(at("+10000-01-01T00:00:00Z"))).isFalse();
    }

    private static ActivityLog at(String time) {
        return ActivityLog.builder(ActionType.READ)
                .occurredAt(Instant.parse(time))
                .build();
    }
}
