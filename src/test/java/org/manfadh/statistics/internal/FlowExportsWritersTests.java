package org.manfadh.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.manfadh.statistics.web.FlowExportCsvReader;

class FlowExportsWritersTests {

    private static List<Object> row(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    private static FlowExportsSheet sheet(boolean rightToLeft) {
        return new FlowExportsSheet("Flows",
                List.of("اليوم", "Border point", "Border point name", "Count", "Suppressed"),
                List.of(row(LocalDate.of(2026, 8, 1), "ZRB", "Zurbatiyah, \"Wasit\"", 1234L, false),
                        row(LocalDate.of(2026, 8, 2), "IBK", "إبراهيم الخليل\r\nline", null, true)),
                row("Total", null, null, 1300L, false),
                List.of(new FlowExportsSheet.About("From", "2026-08-01")), rightToLeft, "Table", "About");
    }

    @Test
    void writesCsvAsUtf8BehindAByteOrderMarkWithQuotesWhereValuesNeedThem() {
        byte[] csv = FlowExportsCsv.write(sheet(false));
        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        List<List<String>> records = FlowExportCsvReader.read(text);
        assertThat(records).containsExactly(
                List.of("اليوم", "Border point", "Border point name", "Count", "Suppressed"),
                List.of("2026-08-01", "ZRB", "Zurbatiyah, \"Wasit\"", "1234", "false"),
                List.of("2026-08-02", "IBK", "إبراهيم الخليل\r\nline", "", "true"),
                List.of("Total", "", "", "1300", "false"));
        assertThat(text).startsWith("اليوم,Border point,").contains("\"Zurbatiyah, \"\"Wasit\"\"\"");
    }

    @Test
    void writesXlsxWithDaysAsDatesCountsAsNumbersAndASuppressedCellEmpty() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(FlowExportsXlsx.write(sheet(true))))) {
            XSSFSheet table = workbook.getSheet("Table");
            assertThat(table.getCTWorksheet().getSheetViews().getSheetViewArray(0).getRightToLeft()).isTrue();
            assertThat(table.getPaneInformation().isFreezePane()).isTrue();
            assertThat(table.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(table.getRow(0).getCell(0).getStringCellValue()).isEqualTo("اليوم");
            assertThat(workbook.getFontAt(table.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(table.getRow(1).getCell(0).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2026, 8, 1));
            assertThat(table.getRow(1).getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(table.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(1234);
            assertThat(table.getRow(1).getCell(4).getBooleanCellValue()).isFalse();
            assertThat(table.getRow(2).getCell(3)).isNull();
            assertThat(table.getRow(2).getCell(4).getBooleanCellValue()).isTrue();
            assertThat(table.getRow(3).getCell(0).getStringCellValue()).isEqualTo("Total");
            assertThat(table.getRow(3).getCell(3).getNumericCellValue()).isEqualTo(1300);
            assertThat(table.getColumnWidth(2)).isGreaterThan(table.getColumnWidth(0));

            XSSFSheet about = workbook.getSheet("About");
            assertThat(about.getCTWorksheet().getSheetViews().getSheetViewArray(0).getRightToLeft()).isTrue();
            assertThat(about.getRow(0).getCell(1).getStringCellValue()).isEqualTo("2026-08-01");
        }
    }

    @Test
    void writesXlsxLeftToRightInEnglish() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(FlowExportsXlsx.write(sheet(false))))) {
            assertThat(workbook.getSheetAt(0).getCTWorksheet().getSheetViews().getSheetViewArray(0).getRightToLeft())
                    .isFalse();
        }
    }

    @Test
    void refusesARowLongerOrShorterThanTheHeader() {
        assertThatThrownBy(() -> new FlowExportsSheet("Flows", List.of("Count", "Suppressed"),
                List.of(row(1L)), row(1L, false), List.of(), false, "Table", "About"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
