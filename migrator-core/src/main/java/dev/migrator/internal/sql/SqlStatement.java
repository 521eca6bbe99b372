package dev.migrator.internal.sql;

import java.util.Objects;

/**
 * One statement of a migration script, as it is sent to PostgreSQL.
 * <p>
 * A statement parsed from a script does not hold a copy of its text: it refers to a range
 * of the script's text, and {@link #sql()} makes the {@link String} each time it is
 * called. A 50 MB script is therefore held once, not once as the file and once more as
 * its statements; callers that send statements materialise them a batch at a time.
 */
public final class SqlStatement {

    private static final int EXCERPT_LINES = 5;

    private static final int EXCERPT_CHARS = 300;

    private final CharSequence text;

    private final int start;

    private final int end;

    private final int line;

    private final int column;

    private final Kind kind;

    private final CopyData copyData;

    private final boolean nonTransactional;

    /**
     * A statement with the given text.
     * @param sql the statement text exactly as written in the file, without its
     * terminating {@code ;} and without leading comments or trailing whitespace
     * @param line the 1-based line of the file where the statement starts
     * @param column the 1-based column (in UTF-16 chars) where the statement starts
     * @param kind whether the statement is plain SQL or a {@code COPY ... FROM STDIN}
     * with inline data
     * @param copyData for {@link Kind#COPY_IN}: the inline data rows; {@code null}
     * otherwise
     * @param nonTransactional whether PostgreSQL refuses to run this statement inside a
     * transaction block (e.g. {@code CREATE INDEX CONCURRENTLY}, {@code VACUUM})
     */
    public SqlStatement(String sql, int line, int column, Kind kind, CopyData copyData, boolean nonTransactional) {
        this(Objects.requireNonNull(sql, "sql"), 0, sql.length(), line, column, kind, copyData, nonTransactional);
    }

    /** A statement whose text is {@code text[start, end)}, referred to, not copied. */
    SqlStatement(CharSequence text, int start, int end, int line, int column, Kind kind, CopyData copyData,
            boolean nonTransactional) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        Objects.checkFromToIndex(start, end, text.length());
        if ((kind == Kind.COPY_IN) != (copyData != null)) {
            throw new IllegalArgumentException("copyData must be given exactly for COPY_IN statements");
        }
        this.text = text;
        this.start = start;
        this.end = end;
        this.line = line;
        this.column = column;
        this.kind = kind;
        this.copyData = copyData;
        this.nonTransactional = nonTransactional;
    }

    /**
     * The statement text exactly as written in the file, without its terminating
     * {@code ;} and without leading comments or trailing whitespace; this is the text
     * sent to the server, so PostgreSQL's error {@code Position} is a character index
     * into it. A new copy on each call (not kept, so that a script's statements never
     * hold their text twice).
     */
    public String sql() {
        return this.text.subSequence(this.start, this.end).toString();
    }

    /** The 1-based line of the file where the statement starts. */
    public int line() {
        return this.line;
    }

    /** The 1-based column (in UTF-16 chars) where the statement starts. */
    public int column() {
        return this.column;
    }

    /**
     * Whether the statement is plain SQL or a {@code COPY ... FROM STDIN} with inline
     * data.
     */
    public Kind kind() {
        return this.kind;
    }

    /** For {@link Kind#COPY_IN}: the inline data rows; {@code null} otherwise. */
    public CopyData copyData() {
        return this.copyData;
    }

    /**
     * Whether PostgreSQL refuses to run this statement inside a transaction block (e.g.
     * {@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}).
     */
    public boolean nonTransactional() {
        return this.nonTransactional;
    }

    /**
     * The first lines of the statement (at most 5 lines and about 300 characters), for
     * error messages.
     */
    public String excerpt() {
        String sql = sql();
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
     * The file line that a 1-based character position in {@link #sql()} falls on
     * (PostgreSQL counts characters, i.e. code points). Returns {@code 0} when the
     * position is not inside the statement.
     */
    public int lineAt(int position) {
        String sql = sql();
        if (position < 1 || position > sql.codePointCount(0, sql.length()) + 1) {
            return 0;
        }
        int offset = sql.offsetByCodePoints(0, position - 1);
        return this.line + Lines.count(sql, 0, offset);
    }

    /**
     * Equal when text, position, kind, COPY data and transaction need are (as for the
     * record it used to be).
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof SqlStatement o && this.line == o.line && this.column == o.column && this.kind == o.kind
                && this.nonTransactional == o.nonTransactional && Objects.equals(this.copyData, o.copyData)
                && sql().equals(o.sql());
    }

    @Override
    public int hashCode() {
        return Objects.hash(sql(), this.line, this.column, this.kind, this.copyData, this.nonTransactional);
    }

    @Override
    public String toString() {
        return "line " + this.line + ": " + excerpt();
    }

    /** What the executor has to do with a statement. */
    public enum Kind {

        /** Plain SQL, sent as it is. */
        NORMAL,
        /**
         * {@code COPY ... FROM STDIN}: sent through the driver's copy API together with
         * {@link #copyData()}.
         */
        COPY_IN

    }

    /**
     * The inline data of a {@code COPY ... FROM STDIN}.
     *
     * @param rows the rows exactly as in the file (every row with its line end, without
     * the terminating {@code \.} line); a read-only view into the script text, not a copy
     * @param line the 1-based file line of the first row
     */
    public record CopyData(CharSequence rows, int line) {

        /**
         * The file line of a 1-based COPY data line number (as in PostgreSQL's
         * {@code COPY t, line 3}).
         */
        public int fileLine(int copyLine) {
            return this.line + copyLine - 1;
        }
    }

}
