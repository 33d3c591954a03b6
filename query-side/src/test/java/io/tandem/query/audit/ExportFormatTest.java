package io.tandem.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.query.web.InvalidQueryException;
import org.junit.jupiter.api.Test;
import org.springframework.web.HttpMediaTypeNotAcceptableException;

class ExportFormatTest {

    @Test
    void theFormatParameterWinsOverAccept() throws Exception {
        assertThat(ExportFormat.choose("jsonl", "text/csv")).isEqualTo(ExportFormat.JSONL);
        assertThat(ExportFormat.choose(" CSV ", "application/x-ndjson")).isEqualTo(ExportFormat.CSV);
    }

    @Test
    void refusesAnUnknownFormatAsAValidationProblem() {
        assertThatThrownBy(() -> ExportFormat.choose("xlsx", null)).isInstanceOf(InvalidQueryException.class)
                .satisfies(e -> assertThat(((InvalidQueryException) e).errors())
                        .extracting(error -> error.get("field")).containsExactly("format"));
    }

    @Test
    void withoutAFormatFollowsAcceptByPreferenceAndDefaultsToCsv() throws Exception {
        assertThat(ExportFormat.choose(null, null)).isEqualTo(ExportFormat.CSV);
        assertThat(ExportFormat.choose("", "*/*")).isEqualTo(ExportFormat.CSV);
        assertThat(ExportFormat.choose(null, "application/x-ndjson")).isEqualTo(ExportFormat.JSONL);
        assertThat(ExportFormat.choose(null, "application/json, application/*")).isEqualTo(ExportFormat.JSONL);
        assertThat(ExportFormat.choose(null, "text/csv;q=0.5, application/x-ndjson")).isEqualTo(ExportFormat.JSONL);
        assertThat(ExportFormat.choose(null, "text/csv;q=0, */*;q=0.1")).isEqualTo(ExportFormat.JSONL);
    }

    @Test
    void refusesAnAcceptItCannotProduce() {
        assertThatThrownBy(() -> ExportFormat.choose(null, "application/xml"))
                .isInstanceOf(HttpMediaTypeNotAcceptableException.class);
        assertThatThrownBy(() -> ExportFormat.choose(null, "text/csv;q=0"))
                .isInstanceOf(HttpMediaTypeNotAcceptableException.class);
    }
}
