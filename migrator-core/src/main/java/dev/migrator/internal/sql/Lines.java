package dev.migrator.internal.sql;

/**
 * Line arithmetic shared by the parser and the error mapping. A line ends at {@code \n},
 * at {@code \r\n} (counted once) or at a lone {@code \r}.
 */
final class Lines {

    private Lines() {
    }

    /** Number of line breaks in {@code text[from, to)}. */
    static int count(CharSequence text, int from, int to) {
        int breaks = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                breaks++;
            }
        }
        return breaks;
    }

    /** Offset of the first character of the line that {@code offset} is on. */
    static int lineStart(CharSequence text, int offset) {
        int i = offset;
        while (i > 0) {
            char c = text.charAt(i - 1);
            if (c == '\n' || c == '\r') {
                break;
            }
            i--;
        }
        return i;
    }

}
