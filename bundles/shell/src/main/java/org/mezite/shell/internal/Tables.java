package org.mezite.shell.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.karaf.shell.support.table.ShellTable;

/** Listings as tables of plain text. */
final class Tables {

    private Tables() {
    }

    /** A table with these column headers and rows, as text: ASCII separators, so that scripts can cut it. */
    static String render(List<String> headers, List<List<String>> rows) {
        ShellTable table = new ShellTable().forceAscii();
        headers.forEach(table::column);
        for (List<String> row : rows) {
            table.addRow().addContent(row.stream().map(cell -> cell == null ? "" : cell).toArray());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            table.print(out, true);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
