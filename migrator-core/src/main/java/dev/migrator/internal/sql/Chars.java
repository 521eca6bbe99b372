package dev.migrator.internal.sql;

/**
 * Character classes of PostgreSQL's lexer ({@code scan.l}); every char at or above U+0080
 * is a letter.
 */
final class Chars {

    private Chars() {
    }

    /**
     * Whitespace as PostgreSQL sees it: space, tab, newline, carriage return, form feed,
     * vertical tab.
     */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B';
    }

    /** May start a word (keyword, identifier or number). */
    static boolean isWordStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= '\u0080';
    }

    /** May continue a word; {@code $} is allowed inside identifiers ({@code a$b}). */
    static boolean isWordPart(char c) {
        return isWordStart(c) || c == '$';
    }

    /** May start the tag of a dollar quote ({@code $tag$}). */
    static boolean isTagStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= '\u0080';
    }

    /** May continue the tag of a dollar quote. */
    static boolean isTagPart(char c) {
        return isTagStart(c) || (c >= '0' && c <= '9');
    }

}
