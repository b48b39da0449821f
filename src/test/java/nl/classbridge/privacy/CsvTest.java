package nl.classbridge.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CSV writer: a BOM, RFC 4180 quoting and no formula a spreadsheet would run. */
class CsvTest {

    @Test
    @DisplayName("GIVEN two rows WHEN written THEN the UTF-8 bytes start with the BOM and each row ends with CR LF")
    void bomAndLines() {
        byte[] bytes = Csv.write(List.of(List.of("a", "b"), List.of("c", "d"))).getBytes(StandardCharsets.UTF_8);

        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("\uFEFFa,b\r\nc,d\r\n");
    }

    @Test
    @DisplayName("GIVEN a comma, a double quote, a carriage return or a line feed in a cell WHEN written THEN the cell"
            + " is quoted and its quotes are doubled; a plain or empty cell stays as it is")
    void quoting() {
        assertThat(Csv.cell("een, twee")).isEqualTo("\"een, twee\"");
        assertThat(Csv.cell("zei \"hoi\"")).isEqualTo("\"zei \"\"hoi\"\"\"");
        assertThat(Csv.cell("a\rb")).isEqualTo("\"a\rb\"");
        assertThat(Csv.cell("a\nb")).isEqualTo("\"a\nb\"");
        assertThat(Csv.cell("gewoon")).isEqualTo("gewoon");
        assertThat(Csv.cell("")).isEmpty();
    }

    @ParameterizedTest(name = "a cell starting with {0}")
    @ValueSource(strings = {"=1+1", "+31 6 123", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"})
    @DisplayName("GIVEN a cell that begins with =, +, -, @, a tab or a carriage return WHEN written THEN it begins"
            + " with a single quote and is no formula")
    void formulaNeutralised(String raw) {
        String cell = Csv.cell(raw);

        String unquoted = cell.startsWith("\"") ? cell.substring(1, cell.length() - 1) : cell;
        assertThat(unquoted).isEqualTo("'" + raw);
    }

    @Test
    @DisplayName("GIVEN a multi-line answer with a formula start WHEN written THEN it is one quoted, neutralised cell"
            + " with its line breaks inside")
    void multiLine() {
        String csv = Csv.write(List.of(List.of("Sam", "=HYPERLINK(\"x\")\r\nregel twee\nregel drie")));

        assertThat(csv).isEqualTo("\uFEFFSam,\"'=HYPERLINK(\"\"x\"\")\r\nregel twee\nregel drie\"\r\n");
    }

    @Test
    @DisplayName("GIVEN Arabic and Turkish words WHEN written and read back as UTF-8 THEN they are unchanged")
    void otherScripts() {
        String arabic = "ابني سعيد في المدرسة";
        String turkish = "Çok iyi, öğretmenini çok seviyor: ğüşıöç İ";

        String csv = Csv.write(List.of(List.of(arabic, turkish)));
        String back = new String(csv.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);

        assertThat(back).isEqualTo("\uFEFF" + arabic + ",\"" + turkish + "\"\r\n");
    }
}
