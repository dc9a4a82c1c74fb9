// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActivityCsvWriterTest {
    @ParameterizedTest
    @ValueSource(strings = {"=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\r=1", "=HYPERLINK(\"http://evil\")"})
    void neutralisesCellsASpreadsheetWouldEvaluate(String value) {
        String cell = ActivityCsvWriter.cell(value);
        String unquoted = cell.startsWith("\"") ? cell.substring(1) : cell;
        assertThat(unquoted).startsWith("'" + value.charAt(0));
    }

    @Test
    void quotesCommasQuotesAndLineBreaks() {
        assertThat(ActivityCsvWriter.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(ActivityCsvWriter.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ActivityCsvWriter.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(ActivityCsvWriter.cell("cr\rhere")).isEqualTo("\"cr\rhere\"");
        assertThat(ActivityCsvWriter.cell("\r=1")).isEqualTo("\"'\r=1\"");
        assertThat(ActivityCsvWriter.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    }

    @Test
    void leavesOrdinaryTextAndUnicodeAlone() {
        assertThat(ActivityCsvWriter.cell("alice is reading blog posts")).isEqualTo("alice is reading blog posts");
        assertThat(ActivityCsvWriter.cell("a=b")).isEqualTo("a=b");
        assertThat(ActivityCsvWriter.cell("zoë 😀")).isEqualTo("zoë 😀");
        assertThat(ActivityCsvWriter.cell(null)).isEmpty();
        assertThat(ActivityCsvWriter.cell("")).isEmpty();
    }

    @Test
    void writesAHeaderAndOneCrlfRowPerRecord() throws Exception {
        ActivityLog log = ActivityLog.builder(ActionType.UPDATE)
                .actor("=cmd|' /C calc'!A0")
                .remarks("@SUM(1+1)")
                .target("Post", "-1")
                .data(Map.of("note", "with, a comma"))
                .build();
        StringWriter out = new StringWriter();
        ActivityCsvWriter.writeHeader(out);
        ActivityCsvWriter.writeRow(log, out);
        String[] lines = out.toString().split("\r\n", -1);
        assertThat(lines).hasSize(3);
        assertThat(lines[2]).isEmpty();
        assertThat(lines[0]).isEqualTo(String.join(",", ActivityCsvWriter.columns()));
        assertThat(lines[1])
                .startsWith(log.id() + "," + log.occurredAt()
                        + ",'=cmd|' /C calc'!A0,,,,Update,SUCCESS,'@SUM(1+1),Post,'-1,")
                .contains(",\"{\"\"note\"\":\"\"with, a comma\"\"}\",")
                .endsWith(",app");
    }
}
