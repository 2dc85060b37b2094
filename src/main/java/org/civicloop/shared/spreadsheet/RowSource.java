package org.civicloop.shared.spreadsheet;

import java.io.Closeable;
import java.util.List;

/** Rows as the file holds them, before header handling and clean-up: CSV records or sheet rows. */
interface RowSource extends Closeable {

    /** Excel's limits, applied to CSV too: no honest table goes beyond them. */
    int MAX_COLUMNS = 16_384;
    int MAX_CELL_LENGTH = 32_767;

    /** The next row, or {@code null} after the last. */
    RawRow next() throws TableException;

    /** 0 to 1: how far through the file's rows the reading is, estimated from the bytes read; for a progress bar, from any thread. */
    double readShare();

    /** @param line the 1-based line (CSV: where the record starts) or row number (Excel) */
    record RawRow(int line, List<String> cells) {
    }
}
