package dev.migrator.internal.history;

/**
 * The history format written in the history table's comment:
 * {@code migrator history, format 2, min-reader 1}. {@code format} is the format the
 * table is in; {@code min-reader} the oldest format a migrator must read to use the table
 * safely (read and append rows). Without {@code , min-reader M}, a reader needs the
 * table's own format (so the comment {@code migrator history, format 1} of the first
 * format stays what it always was).
 *
 * @param format the table's format
 * @param minReader the oldest format a migrator must read to use the table
 */
record FormatMarker(int format, int minReader) {

    static final String PREFIX = "migrator history, format ";

    static final String MIN_READER = ", min-reader ";

    /**
     * The first format: what a table without a marker (or with a comment that is not
     * migrator's) is in.
     */
    static final FormatMarker FIRST = new FormatMarker(1, 1);

    /**
     * Whether the comment is a marker at all (it may still be one this migrator cannot
     * parse).
     */
    static boolean isMarker(String comment) {
        return comment != null && comment.startsWith(PREFIX);
    }

    /**
     * Parses a marker.
     * @param comment the table's comment, starting with {@link #PREFIX}
     * @return the marker, or {@code null} when the text after the prefix is not {@code N}
     * or {@code N, min-reader M}
     */
    static FormatMarker parse(String comment) {
        String rest = comment.substring(PREFIX.length()).trim();
        int split = rest.indexOf(MIN_READER);
        Integer format = number((split < 0) ? rest : rest.substring(0, split));
        Integer minReader = (split < 0) ? format : number(rest.substring(split + MIN_READER.length()));
        if (format == null || minReader == null || minReader > format) {
            return null;
        }
        return new FormatMarker(format, minReader);
    }

    private static Integer number(String text) {
        if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch((c) -> c >= '0' && c <= '9')) {
            return null;
        }
        int value = Integer.parseInt(text);
        return (value > 0) ? value : null;
    }

    /** The comment that records this marker. */
    String comment() {
        return PREFIX + this.format + ((this.minReader == this.format) ? "" : MIN_READER + this.minReader);
    }
}
