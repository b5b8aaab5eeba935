package org.resultsflow.reporting.rest;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The rows of an export as an Excel workbook (.xlsx): a header row of the record's component names, then one row
 * per record, numbers as numeric cells and everything else as the text the CSV export writes (so the workbook and
 * the CSV hold the same values). Written with SXSSF: only {@link #WINDOW} rows are in memory, older ones are
 * flushed to a compressed temporary file, which is zipped into the response at the end and then deleted. A sheet
 * holds at most 1,048,576 rows; further rows go on to a next sheet with its own header row, never dropped.
 */
final class WorkbookWriter {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Rows kept in memory while writing. */
    static final int WINDOW = 100;

    private final CsvBodyWriter csv;
    private final int rowsPerSheet;

    WorkbookWriter(CsvBodyWriter csv) {
        this(csv, SpreadsheetVersion.EXCEL2007.getMaxRows());
    }

    /** With a smaller sheet, to see rows continue on the next sheet without writing a million of them. */
    WorkbookWriter(CsvBodyWriter csv, int rowsPerSheet) {
        this.csv = csv;
        this.rowsPerSheet = rowsPerSheet;
    }

    /**
     * The workbook of {@code rows}, written when the response body is: the rows are taken from the stream one by
     * one on the calling (worker) thread, as the cursor behind it delivers them.
     */
    StreamingOutput workbook(String name, Class<?> type, Multi<?> rows) {
        List<String> header = CsvBodyWriter.names(type);
        return out -> {
            SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
            try {
                workbook.setCompressTempFiles(true);
                CellStyle bold = workbook.createCellStyle();
                Font font = workbook.createFont();
                font.setBold(true);
                bold.setFont(font);
                SXSSFSheet sheet = null;
                int next = rowsPerSheet;
                for (Object record : rows.subscribe().asIterable()) {
                    if (next == rowsPerSheet) {
                        sheet = sheet(workbook, name, header, bold);
                        next = 1;
                    }
                    write(sheet.createRow(next++), CsvBodyWriter.values(record));
                }
                if (sheet == null) {
                    sheet(workbook, name, header, bold);
                }
                workbook.write(out);
            } finally {
                workbook.dispose();
                workbook.close();
            }
        };
    }

    private static SXSSFSheet sheet(SXSSFWorkbook workbook, String name, List<String> header, CellStyle bold) {
        int number = workbook.getNumberOfSheets() + 1;
        String title = number == 1 ? name : name + " (" + number + ")";
        SXSSFSheet sheet = workbook.createSheet(title);
        sheet.createFreezePane(0, 1);
        Row row = sheet.createRow(0);
        for (int i = 0; i < header.size(); i++) {
            row.createCell(i).setCellValue(header.get(i));
            row.getCell(i).setCellStyle(bold);
        }
        return sheet;
    }

    private void write(Row row, List<Object> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value instanceof Number number) {
                row.createCell(i).setCellValue(number.doubleValue());
            } else if (value != null) {
                row.createCell(i).setCellValue(csv.text(value));
            }
        }
    }
}
