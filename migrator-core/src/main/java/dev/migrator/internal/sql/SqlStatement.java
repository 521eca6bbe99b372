package dev.migrator.internal.sql;

import java.util.Objects;

/**
 * One statement of a migration script, as it is sent to PostgreSQL.
 *
 * @param sql the statement text exactly as written in the file, without its terminating {@code ;} and without
 *        leading comments or trailing whitespace; this is the text sent to the server, so PostgreSQL's error
 *        {@code Position} is a character index into it
 * @param line the 1-based line of the file where the statement starts
 * @param column the 1-based column (in UTF-16 chars) where the statement starts
 * @param kind whether the statement is plain SQL or a {@code COPY ... FROM STDIN} with inline data
 * @param copyData for {@link Kind#COPY_IN}: the inline data rows; {@code null} otherwise
 * @param nonTransactional whether PostgreSQL refuses to run this statement inside a transaction block
 *        (e.g. {@code CREATE INDEX CONCURRENTLY}, {@code VACUUM})
 */
public record SqlStatement(String sql, int line, int column, Kind kind, CopyData copyData,
        boolean nonTransactional) {

    /** What the executor has to do with a statement. */
    public enum Kind {
        /** Plain SQL, sent as it is. */
        NORMAL,
        /** {@code COPY ... FROM STDIN}: sent through the driver's copy API together with {@link #copyData()}. */
        COPY_IN
    }

    /**
     * The inline data of a {@code COPY ... FROM STDIN}.
     *
     * @param rows the rows exactly as in the file (every row with its line end, without the terminating
     *        {@code \.} line); a read-only view into the script text, not a copy
     * @param line the 1-based file line of the first row
     */
    public record CopyData(CharSequence rows, int line) {

        /** The file line of a 1-based COPY data line number (as in PostgreSQL's {@code COPY t, line 3}). */
        public int fileLine(int copyLine) {
            return line + copyLine - 1;
        }
    }

    private static final int EXCERPT_LINES = 5;

    private static final int EXCERPT_CHARS = 300;

    /** Checks the invariants. */
    public SqlStatement {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.COPY_IN) != (copyData != null)) {
            throw new IllegalArgumentException("copyData must be given exactly for COPY_IN statements");
        }
    }

    /** The first lines of the statement (at most 5 lines and about 300 characters), for error messages. */
    public String excerpt() {
        int end = 0;
        for (int lines = 0; end < sql.length() && lines < EXCERPT_LINES; lines++) {
            int nl = sql.indexOf('\n', end);
            end = (nl < 0) ? sql.length() : nl + 1;
        }
        boolean cut = end < sql.length();
        if (end > EXCERPT_CHARS) {
            end = EXCERPT_CHARS;
            cut = true;
        }
        String head = sql.substring(0, end).replace("\r", "").stripTrailing();
        return cut ? head + " ..." : head;
    }

    /**
     * The file line that a 1-based character position in {@link #sql()} falls on (PostgreSQL counts characters,
     * i.e. code points). Returns {@code 0} when the position is not inside the statement.
     */
    public int lineAt(int position) {
        if (position < 1 || position > sql.codePointCount(0, sql.length()) + 1) {
            return 0;
        }
        int offset = sql.offsetByCodePoints(0, position - 1);
        return line + Lines.count(sql, 0, offset);
    }

    @Override
    public String toString() {
        return "line " + line + ": " + excerpt();
    }
}
