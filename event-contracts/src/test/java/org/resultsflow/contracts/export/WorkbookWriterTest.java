package org.resultsflow.contracts.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import java.util.List;

/** The workbook writer alone: cell types, blanks for nulls, and rows that continue on a next sheet when one is full. */
class WorkbookWriterTest {

    enum Status { MET, NOT_MET, PARTIAL }

    record Line(String id, int year, BigDecimal ratio, Status status, String note) {
    }

    @Test
    void numbersAreNumericCellsTextIsTextAndAFullSheetContinuesOnTheNext() throws Exception {
        WorkbookWriter writer = new WorkbookWriter(new RecordColumns(new ObjectMapper()), 3);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writer.write("rows", Line.class, List.of(
                new Line("a", 2020, new BigDecimal("0.520000"), Status.MET, "with, a comma"),
                new Line("b", 2021, null, Status.NOT_MET, null),
                new Line("c", 2022, new BigDecimal("1.25"), Status.PARTIAL, "\"quoted\"")), bytes);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(2, workbook.getNumberOfSheets(), "3 rows a sheet: a header and two rows, then the next sheet");
            Sheet first = workbook.getSheetAt(0);
            Sheet second = workbook.getSheetAt(1);
            assertEquals("rows", first.getSheetName());
            assertEquals("rows (2)", second.getSheetName());
            for (Sheet sheet : workbook) {
                Row header = sheet.getRow(0);
                assertEquals("id", header.getCell(0).getStringCellValue());
                assertEquals("note", header.getCell(4).getStringCellValue());
                assertEquals(true, workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold());
            }
            Row a = first.getRow(1);
            assertEquals(CellType.STRING, a.getCell(0).getCellType());
            assertEquals(CellType.NUMERIC, a.getCell(1).getCellType());
            assertEquals(2020, a.getCell(1).getNumericCellValue());
            assertEquals(0.52, a.getCell(2).getNumericCellValue());
            assertEquals("MET", a.getCell(3).getStringCellValue());
            assertEquals("with, a comma", a.getCell(4).getStringCellValue());
            Row b = first.getRow(2);
            assertEquals(null, b.getCell(2), "null is an empty cell");
            assertEquals(null, b.getCell(4));
            assertEquals(2, first.getLastRowNum());
            Row c = second.getRow(1);
            assertEquals("c", c.getCell(0).getStringCellValue());
            assertEquals(1.25, c.getCell(2).getNumericCellValue());
            assertEquals("\"quoted\"", c.getCell(4).getStringCellValue());
            assertEquals(1, second.getLastRowNum());
        }
    }

    @Test
    void noRowsIsAHeaderRow() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new WorkbookWriter(new RecordColumns(new ObjectMapper())).write("rows", Line.class, List.of(), bytes);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(1, workbook.getNumberOfSheets());
            assertEquals(0, workbook.getSheetAt(0).getLastRowNum());
            assertEquals("year", workbook.getSheetAt(0).getRow(0).getCell(1).getStringCellValue());
        }
    }
}
