package io.tandem.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvWriterTest {

    @Test
    void writesRecordsSeparatedByCommasAndEndedWithCrlf() throws IOException {
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out);

        csv.record("globalPosition", "actor");
        csv.record("12", "pm");

        assertThat(out).hasToString("globalPosition,actor\r\n12,pm\r\n");
    }

    @Test
    void writesNullAndEmptyAsEmptyFields() throws IOException {
        StringWriter out = new StringWriter();

        new CsvWriter(out).record(null, "", "x", null);

        assertThat(out).hasToString(",,x,\r\n");
    }

    @Test
    void quotesFieldsWithCommasQuotesAndLineBreaksAndDoublesTheQuotes() {
        assertThat(CsvWriter.field("NOW, then NEXT")).isEqualTo("\"NOW, then NEXT\"");
        assertThat(CsvWriter.field("the \"one-click\" pay")).isEqualTo("\"the \"\"one-click\"\" pay\"");
        assertThat(CsvWriter.field("line one\nline two")).isEqualTo("\"line one\nline two\"");
        assertThat(CsvWriter.field("line one\r\nline two")).isEqualTo("\"line one\r\nline two\"");
        assertThat(CsvWriter.field("\"")).isEqualTo("\"\"\"\"");
    }

    @Test
    void leavesPlainTextAndUnicodeAsItIs() {
        assertThat(CsvWriter.field("Zahlung mit einem Klick – Größe ✓ 支付 😀"))
                .isEqualTo("Zahlung mit einem Klick – Größe ✓ 支付 😀");
        assertThat(CsvWriter.field("a=b, not a formula")).isEqualTo("\"a=b, not a formula\"");
        assertThat(CsvWriter.field("e-mail")).isEqualTo("e-mail");
        assertThat(CsvWriter.field("2026-03-01T09:30:00Z")).isEqualTo("2026-03-01T09:30:00Z");
        assertThat(CsvWriter.field("  indented")).isEqualTo("  indented");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=SUM(A1:A9)", "+1", "-2", "@x", "=HYPERLINK(\"http://evil\")", "=1+2;x", "-", "@",
            "\t=1", "\tplain", "\rplain", "  =SUM(A1)", " +1", "\n-2", " \t@x"})
    void prefixesAnythingASpreadsheetWouldReadAsAFormulaWithAQuote(String value) {
        String field = CsvWriter.field(value);

        String unquoted = field.startsWith("\"") ? field.substring(1, field.length() - 1).replace("\"\"", "\"")
                : field;
        assertThat(unquoted).isEqualTo("'" + value);
    }

    @Test
    void quotesTheNeutralizedFieldWhenItNeedsQuotes() {
        assertThat(CsvWriter.field("=SUM(A1:A9)")).isEqualTo("'=SUM(A1:A9)");
        assertThat(CsvWriter.field("=HYPERLINK(\"http://x\",\"y\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        assertThat(CsvWriter.field("-2,3")).isEqualTo("\"'-2,3\"");
    }

    @Test
    void neutralizesTabAndCarriageReturnStartsAndQuotesTheCarriageReturn() {
        assertThat(CsvWriter.field("\t=cmd")).isEqualTo("'\t=cmd");
        assertThat(CsvWriter.field("\r=cmd")).isEqualTo("\"'\r=cmd\"");
        assertThat(CsvWriter.field("  -1")).isEqualTo("'  -1");
    }
}
