package dev.migrator.internal.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.migrator.InvalidMigrationException;

/**
 * Finds the statement boundaries of a script in one pass over the text, the way psql
 * does: a {@code ;} ends a statement only outside string literals ({@code '...'},
 * {@code E'...'}, {@code U&'...'}), quoted identifiers, dollar quotes, comments (nested
 * {@code /* *}{@code /}), parentheses and {@code BEGIN ATOMIC ... END} bodies.
 * {@code COPY ... FROM STDIN} is followed by inline data up to a line {@code \.}.
 * Produces offsets only; the text is never copied here.
 */
final class SqlSplitter {

    private final String script;

    private final CharSequence text;

    private final int length;

    private final List<Piece> pieces = new ArrayList<>();

    private int[] parens = new int[8];

    private int parenDepth;

    private SqlSplitter(String script, CharSequence text) {
        this.script = script;
        this.text = text;
        this.length = text.length();
    }

    /** Splits {@code text}; {@code script} is only used in error messages. */
    static List<Piece> split(String script, CharSequence text) {
        return new SqlSplitter(script, text).run();
    }

    private List<Piece> run() {
        int i = 0;
        int start = -1;
        int firstWordEnd = -1;
        int block = 0;
        int blockOpen = -1;
        while (i < this.length) {
            char c = this.text.charAt(i);
            if (Chars.isSpace(c)) {
                i++;
                continue;
            }
            char next = (i + 1 < this.length) ? this.text.charAt(i + 1) : '\0';
            if (c == '-' && next == '-') {
                i = skipLineComment(i);
                continue;
            }
            if (c == '/' && next == '*') {
                i = skipBlockComment(i);
                continue;
            }
            if (start < 0) {
                if (c == ';') {
                    i++;
                    continue;
                }
                start = i;
            }
            switch (c) {
                case '\'' -> i = skipQuoted(i, i, '\'');
                case '"' -> i = skipQuoted(i, i, '"');
                case '$' -> i = skipDollar(i);
                case '(' -> {
                    if (this.parenDepth == this.parens.length) {
                        this.parens = Arrays.copyOf(this.parens, this.parenDepth * 2);
                    }
                    this.parens[this.parenDepth++] = i;
                    i++;
                }
                case ')' -> {
                    if (this.parenDepth > 0) {
                        this.parenDepth--;
                    }
                    i++;
                }
                case '\\' -> throw metaCommand(i);
                case ';' -> {
                    if (this.parenDepth == 0 && block == 0) {
                        i = emit(start, i, firstWordEnd, true);
                        start = -1;
                        firstWordEnd = -1;
                    }
                    else {
                        i++;
                    }
                }
                default -> {
                    if (!Chars.isWordStart(c)) {
                        i++;
                        continue;
                    }
                    int end = i + 1;
                    while (end < this.length && Chars.isWordPart(this.text.charAt(end))) {
                        end++;
                    }
                    int len = end - i;
                    if (len == 1 && end < this.length) {
                        char after = this.text.charAt(end);
                        if ((c == 'e' || c == 'E') && after == '\'') {
                            i = skipEscapeString(i, end);
                            continue;
                        }
                        if ((c == 'u' || c == 'U') && after == '&' && end + 1 < this.length
                                && (this.text.charAt(end + 1) == '\'' || this.text.charAt(end + 1) == '"')) {
                            i = skipQuoted(i, end + 1, this.text.charAt(end + 1));
                            continue;
                        }
                    }
                    if (i == start) {
                        firstWordEnd = end;
                    }
                    else if (block == 0) {
                        if (len == 5 && isWord(i, "BEGIN") && nextWordIs(end, "ATOMIC")) {
                            block = 1;
                            blockOpen = i;
                        }
                    }
                    else if (len == 4 && isWord(i, "CASE")) {
                        block++;
                    }
                    else if (len == 3 && isWord(i, "END")) {
                        block--;
                    }
                    i = end;
                }
            }
        }
        if (this.parenDepth > 0) {
            throw invalid(this.parens[this.parenDepth - 1], "unclosed parenthesis ( opened here; close it with )");
        }
        if (block > 0) {
            throw invalid(blockOpen, "BEGIN ATOMIC function body opened here is never closed; end it with END "
                    + "(each CASE inside it needs its own END)");
        }
        if (start >= 0) {
            emit(start, this.length, firstWordEnd, false);
        }
        return this.pieces;
    }

    /**
     * Records the statement {@code text[start, stop)}; returns where scanning goes on.
     */
    private int emit(int start, int stop, int firstWordEnd, boolean terminated) {
        int end = stop;
        while (end > start && Chars.isSpace(this.text.charAt(end - 1))) {
            end--;
        }
        if (firstWordEnd - start == 4 && isWord(start, "COPY") && isCopyFromStdin(start, end)) {
            return emitCopy(start, end, stop, terminated);
        }
        this.pieces.add(new Piece(start, end, -1, -1));
        return terminated ? stop + 1 : stop;
    }

    private boolean isCopyFromStdin(int start, int end) {
        List<String> words = Tokens.words(this.text, start, end, Integer.MAX_VALUE, false);
        int from = words.indexOf("FROM");
        return from > 0 && from + 1 < words.size() && words.get(from + 1).equals("STDIN");
    }

    private int emitCopy(int start, int end, int semicolon, boolean terminated) {
        if (!terminated) {
            throw invalid(start, "COPY ... FROM STDIN at the end of the file has no data; end it with ; and put "
                    + "the rows on the following lines, then a line containing only \\.");
        }
        int i = semicolon + 1;
        while (i < this.length && this.text.charAt(i) != '\n' && this.text.charAt(i) != '\r') {
            if (!Chars.isSpace(this.text.charAt(i))) {
                throw invalid(i, "text after COPY ... FROM STDIN; on the same line; the data rows must start on "
                        + "the next line");
            }
            i++;
        }
        int dataStart = skipLineEnd(i);
        int row = dataStart;
        while (true) {
            if (row >= this.length) {
                throw invalid(start, "COPY ... FROM STDIN data opened here is not terminated; end the data with a "
                        + "line containing only \\.");
            }
            if (Texts.startsWith(this.text, "\\.", row) && (row + 2 == this.length || this.text.charAt(row + 2) == '\n'
                    || this.text.charAt(row + 2) == '\r')) {
                break;
            }
            int nl = Texts.indexOf(this.text, '\n', row);
            row = (nl < 0) ? this.length : nl + 1;
        }
        this.pieces.add(new Piece(start, end, dataStart, row));
        return skipLineEnd(row + 2);
    }

    private int skipLineEnd(int i) {
        if (i < this.length && this.text.charAt(i) == '\r') {
            i++;
        }
        if (i < this.length && this.text.charAt(i) == '\n') {
            i++;
        }
        return i;
    }

    private boolean isWord(int at, String upper) {
        return Texts.matchesIgnoreCase(this.text, at, upper);
    }

    /**
     * Whether the next word after {@code from} (skipping whitespace and comments) is
     * {@code upper}.
     */
    private boolean nextWordIs(int from, String upper) {
        int i = from;
        while (i < this.length) {
            char c = this.text.charAt(i);
            char next = (i + 1 < this.length) ? this.text.charAt(i + 1) : '\0';
            if (Chars.isSpace(c)) {
                i++;
            }
            else if (c == '-' && next == '-') {
                i = skipLineComment(i);
            }
            else if (c == '/' && next == '*') {
                i = skipBlockComment(i);
            }
            else {
                int end = i + upper.length();
                return isWord(i, upper) && (end >= this.length || !Chars.isWordPart(this.text.charAt(end)));
            }
        }
        return false;
    }

    private int skipLineComment(int i) {
        int p = i + 2;
        while (p < this.length) {
            char c = this.text.charAt(p);
            if (c == '\n' || c == '\r') {
                break;
            }
            p++;
        }
        return p;
    }

    private int skipBlockComment(int open) {
        int depth = 1;
        int p = open + 2;
        while (p < this.length) {
            char c = this.text.charAt(p);
            if (c == '*' && p + 1 < this.length && this.text.charAt(p + 1) == '/') {
                p += 2;
                if (--depth == 0) {
                    return p;
                }
            }
            else if (c == '/' && p + 1 < this.length && this.text.charAt(p + 1) == '*') {
                depth++;
                p += 2;
            }
            else {
                p++;
            }
        }
        throw invalid(open, "unterminated block comment /* opened here; close it with */ (block comments nest: "
                + "every /* needs its own */)");
    }

    /**
     * Skips a {@code '...'} literal or {@code "..."} identifier whose opening quote is at
     * {@code quote}.
     */
    private int skipQuoted(int opened, int quote, char q) {
        int p = quote + 1;
        while (true) {
            int close = Texts.indexOf(this.text, q, p);
            if (close < 0) {
                throw invalid(opened, (q == '\'')
                        ? "unterminated string literal opened here; close it with ' (write a quote inside a string "
                                + "as '')"
                        : "unterminated quoted identifier opened here; close it with \" (write a double quote "
                                + "inside it as \"\")");
            }
            if (close + 1 < this.length && this.text.charAt(close + 1) == q) {
                p = close + 2;
            }
            else {
                return close + 1;
            }
        }
    }

    /** Skips an {@code E'...'} literal: backslash escapes the next character. */
    private int skipEscapeString(int opened, int quote) {
        int p = quote + 1;
        while (p < this.length) {
            char c = this.text.charAt(p);
            if (c == '\\') {
                p += 2;
            }
            else if (c == '\'') {
                if (p + 1 < this.length && this.text.charAt(p + 1) == '\'') {
                    p += 2;
                }
                else {
                    return p + 1;
                }
            }
            else {
                p++;
            }
        }
        throw invalid(opened, "unterminated E'...' string literal opened here; close it with ' (inside E'' "
                + "strings \\' and '' are quotes, \\\\ is a backslash)");
    }

    /**
     * At a {@code $}: skips a dollar-quoted string, or just the {@code $} of a parameter
     * like {@code $1}.
     */
    private int skipDollar(int open) {
        int end = open + 1;
        if (end < this.length && Chars.isTagStart(this.text.charAt(end))) {
            end++;
            while (end < this.length && Chars.isTagPart(this.text.charAt(end))) {
                end++;
            }
        }
        if (end >= this.length || this.text.charAt(end) != '$') {
            return open + 1;
        }
        String tag = this.text.subSequence(open, end + 1).toString();
        int close = Texts.indexOf(this.text, tag, end + 1);
        if (close < 0) {
            throw invalid(open, "unterminated dollar-quoted string " + tag + " opened here; close it with " + tag
                    + " (tags are case-sensitive)");
        }
        return close + tag.length();
    }

    private InvalidMigrationException metaCommand(int at) {
        int end = at + 1;
        while (end < this.length && !Chars.isSpace(this.text.charAt(end)) && end - at < 40) {
            end++;
        }
        String command = this.text.subSequence(at, end).toString();
        return invalid(at, "psql meta-command " + command + " is not SQL; migrator sends each statement to the "
                + "server and cannot run psql commands. Remove it (" + metaCommandHint(command) + ")");
    }

    private static String metaCommandHint(String command) {
        String name = command.length() > 1 ? command.substring(1) : "";
        return switch (name) {
            case "c", "connect" -> "migrations run on the database migrator is configured for";
            case "i", "include", "ir", "include_relative" -> "put the included file's SQL into its own migration";
            case "set", "unset" -> "psql variables do not exist here; write the values into the SQL";
            case "." -> "a \\. line only ends the data of a COPY ... FROM STDIN";
            default -> "write plain SQL statements only";
        };
    }

    private InvalidMigrationException invalid(int offset, String problem) {
        int line = Lines.count(this.text, 0, offset) + 1;
        return new InvalidMigrationException(this.script, line, this.script + " line " + line + ": " + problem);
    }

    /**
     * One statement: {@code text[start, end)} (no leading comment, no {@code ;}, no
     * trailing whitespace), and for {@code COPY ... FROM STDIN} its data
     * {@code text[dataStart, dataEnd)} (otherwise both {@code -1}).
     */
    record Piece(int start, int end, int dataStart, int dataEnd) {
    }

}
