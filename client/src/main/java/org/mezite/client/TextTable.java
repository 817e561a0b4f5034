package org.mezite.client;

import java.util.List;

/** Rows as msh prints listings: columns padded to their widest cell and two spaces apart, no trailing blanks. */
final class TextTable {

    private TextTable() {
    }

    /** The table of {@code rows}, the first being the header; every row has as many cells as the header. */
    static String of(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            table.append(line.toString().stripTrailing()).append('\n');
        }
        return table.toString();
    }
}
