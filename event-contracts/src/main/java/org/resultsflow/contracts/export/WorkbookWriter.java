package org.resultsflow.contracts.export;

import java.io.IOException;
import java.io.OutputStream;
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
 * the CSV hold the same values, see {@link RecordColumns}). Written with SXSSF: only {@link #WINDOW} rows are in
 * memory, older ones are flushed to a compressed temporary file, which is zipped into the output at the end and
 * then deleted; strings are written inline, never into a shared-strings table that would grow with the rows. A
 * sheet holds at most 1,048,576 rows; further rows go on to a next sheet with its own header row, never dropped.
 *
 * <p>Needs {@code poi-ooxml} on the class path (an optional dependency of the contracts).
 */
public final class WorkbookWriter {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Rows kept in memory while writing. */
    public static final int WINDOW = 100;

    private final RecordColumns columns;
    private final int rowsPerSheet;

    public WorkbookWriter(RecordColumns columns) {
        this(columns, SpreadsheetVersion.EXCEL2007.getMaxRows());
    }

    /** With a smaller sheet, to see rows continue on the next sheet without writing a million of them. */
    public WorkbookWriter(RecordColumns columns, int rowsPerSheet) {
        this.columns = columns;
        this.rowsPerSheet = rowsPerSheet;
    }

    /** Writes the workbook of {@code rows} (records of {@code type}) to {@code out}, taking the rows one by one. */
    public void write(String name, Class<?> type, Iterable<?> rows, OutputStream out) throws IOException {
        List<String> header = RecordColumns.names(type);
        SXSSFWorkbook workbook = new SXSSFWorkbook(null, WINDOW, true, false);
        try {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            SXSSFSheet sheet = null;
            int next = rowsPerSheet;
            for (Object record : rows) {
                if (next == rowsPerSheet) {
                    sheet = sheet(workbook, name, header, bold);
                    next = 1;
                }
                write(sheet.createRow(next++), RecordColumns.values(record));
            }
            if (sheet == null) {
                sheet(workbook, name, header, bold);
            }
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
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

    private void write(Row row, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value instanceof Number number) {
                row.createCell(i).setCellValue(number.doubleValue());
            } else if (value != null) {
                row.createCell(i).setCellValue(columns.text(value));
            }
        }
    }
}
