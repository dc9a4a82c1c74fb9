package dev.auditsdk.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvCellsTest {
    @ParameterizedTest
    @ValueSource(strings = {"=1+2", "+1", "-1", "@SUM(A1)", "\tx", "=HYPERLINK(\"http://evil\")"})
    void neutralisesCellsASpreadsheetWouldEvaluate(String value) {
        assertThat(CsvCells.cell(value)).matches("\"?'.*").doesNotStartWith("=").doesNotStartWith("\"=");
    }

    @Test
    void quotesCarriageReturnAfterNeutralising() {
        assertThat(CsvCells.cell("\r=1")).isEqualTo("\"'\r=1\"");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        assertThat(CsvCells.cell("alice is reading blog posts")).isEqualTo("alice is reading blog posts");
        assertThat(CsvCells.cell("a=b")).isEqualTo("a=b");
        assertThat(CsvCells.cell(null)).isEmpty();
    }

    @Test
    void quotesCommasQuotesAndLineBreaks() {
        assertThat(CsvCells.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvCells.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvCells.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvCells.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    }
}
