package org.mezite.audit.listener.jsonl.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as operators write them in configuration: {@code 100MB}, {@code 10KB}, {@code 1GB}, {@code 65536}. */
final class ByteSizes {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(|B|K|KB|KIB|M|MB|MIB|G|GB|GIB)");

    private ByteSizes() {
    }

    /** @throws IllegalArgumentException naming the value and the forms understood */
    static long parse(String text) {
        String value = text == null ? "" : text.strip();
        Matcher size = SIZE.matcher(value.toUpperCase(Locale.ROOT));
        if (!size.matches()) {
            throw new IllegalArgumentException("\"" + value + "\" is not a size (use e.g. 100MB, 10KB or a number of"
                    + " bytes)");
        }
        // Sizes of files on disk: 1024-based, as ls -h and du -h count them.
        int shift = switch (size.group(2)) {
            case "K", "KB", "KIB" -> 10;
            case "M", "MB", "MIB" -> 20;
            case "G", "GB", "GIB" -> 30;
            default -> 0;
        };
        long amount;
        try {
            amount = Long.parseLong(size.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + value + "\" is too large");
        }
        if (amount > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("\"" + value + "\" is too large");
        }
        if (amount == 0) {
            throw new IllegalArgumentException("\"" + value + "\" must be larger than zero");
        }
        return amount << shift;
    }

    /** The shortest form {@link #parse} reads back, for messages: {@code 100MB}, {@code 1536KB}, {@code 1000}. */
    static String format(long bytes) {
        String[] units = {"GB", "MB", "KB"};
        int[] shifts = {30, 20, 10};
        for (int i = 0; i < units.length; i++) {
            if (bytes % (1L << shifts[i]) == 0) {
                return (bytes >> shifts[i]) + units[i];
            }
        }
        return Long.toString(bytes);
    }
}
