package org.manfadh.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class TableFilesTests {

    private static String csv(List<Object> row) {
        TableFiles.Table table = new TableFiles.Table("t", "s", List.of("a", "b"), List.of(row), false);
        byte[] bytes = TableFiles.csv(table);
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFa,b\r\n").endsWith("\r\n");
        return text.substring("\uFEFFa,b\r\n".length(), text.length() - 2);
    }

    @Test
    void quotesFieldsWithCommasQuotesAndLineBreaksAsRfc4180Says() {
        assertThat(csv(List.of("Karrada, Baghdad", "said \"fine\""))).isEqualTo("\"Karrada, Baghdad\",\"said \"\"fine\"\"\"");
        assertThat(csv(List.of("two\r\nlines", "plain"))).isEqualTo("\"two\r\nlines\",plain");
        assertThat(csv(Arrays.asList(null, 12))).isEqualTo(",12");
    }

    @Test
    void marksWhatASpreadsheetWouldTakeForAFormulaButLeavesPhoneNumbers() {
        assertThat(csv(List.of("=HYPERLINK(\"x\")", "@SUM(A1)"))).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\",'@SUM(A1)");
        assertThat(csv(List.of("+964 770 123 4567", "-12"))).isEqualTo("+964 770 123 4567,-12");
        assertThat(csv(List.of("-cmd|' /C calc'!A0", "عربي"))).isEqualTo("'-cmd|' /C calc'!A0,عربي");
    }
}
