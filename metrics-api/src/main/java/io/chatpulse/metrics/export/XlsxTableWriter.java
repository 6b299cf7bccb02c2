package io.chatpulse.metrics.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * XLSX through POI's SXSSF: only a window of rows stays in memory, the rest is flushed to a
 * temporary file that is deleted when the workbook closes. Numbers are numeric cells.
 */
final class XlsxTableWriter implements TableWriter {

    private static final int ROWS_IN_MEMORY = 200;
    private static final int MAX_ROWS = 1_048_576;

    private final OutputStream out;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
    private final SXSSFSheet sheet;
    private int next;

    XlsxTableWriter(OutputStream out, String sheetName) {
        this.out = out;
        this.sheet = workbook.createSheet(sheetName);
    }

    @Override
    public void header(List<String> names) {
        CellStyle bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
        Row row = sheet.createRow(next++);
        for (int i = 0; i < names.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(names.get(i));
            cell.setCellStyle(bold);
        }
        sheet.createFreezePane(0, 1);
    }

    @Override
    public void row(List<Object> cells) {
        if (next >= MAX_ROWS) {
            throw new IllegalStateException("more rows than one XLSX sheet holds (" + MAX_ROWS + "): export CSV instead");
        }
        Row row = sheet.createRow(next++);
        for (int i = 0; i < cells.size(); i++) {
            Object value = cells.get(i);
            if (value instanceof Number number) {
                row.createCell(i).setCellValue(number.doubleValue());
            } else if (value != null) {
                row.createCell(i).setCellValue(value.toString());
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            workbook.write(out);
            out.flush();
        } finally {
            workbook.close();
        }
    }
}
