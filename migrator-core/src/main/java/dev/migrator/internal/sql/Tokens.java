package dev.migrator.internal.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The leading words of one statement that the splitter already validated, upper-cased,
 * skipping comments, string literals, quoted identifiers and dollar-quoted bodies. Used
 * to classify statements by their own tokens only.
 */
final class Tokens {

    private Tokens() {
    }

    /**
     * Returns up to {@code max} words of {@code text[from, to)}.
     * @param parenthesized whether words inside parentheses count too (otherwise only
     * depth 0)
     */
    static List<String> words(CharSequence text, int from, int to, int max, boolean parenthesized) {
        List<String> words = new ArrayList<>();
        int depth = 0;
        int i = from;
        while (i < to && words.size() < max) {
            char c = text.charAt(i);
            char next = (i + 1 < to) ? text.charAt(i + 1) : '\0';
            if (c == '-' && next == '-') {
                while (i < to && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    i++;
                }
            }
            else if (c == '/' && next == '*') {
                i = skipBlockComment(text, i, to);
            }
            else if (c == '\'' || c == '"') {
                i = skipQuoted(text, i + 1, to, c, false);
            }
            else if (c == '$') {
                i = skipDollar(text, i, to);
            }
            else if (c == '(') {
                depth++;
                i++;
            }
            else if (c == ')') {
                depth = Math.max(0, depth - 1);
                i++;
            }
            else if (Chars.isWordStart(c)) {
                int end = i + 1;
                while (end < to && Chars.isWordPart(text.charAt(end))) {
                    end++;
                }
                if (end == i + 1 && (c == 'e' || c == 'E') && end < to && text.charAt(end) == '\'') {
                    i = skipQuoted(text, end + 1, to, '\'', true);
                    continue;
                }
                if (parenthesized || depth == 0) {
                    words.add(text.subSequence(i, end).toString().toUpperCase(Locale.ROOT));
                }
                i = end;
            }
            else {
                i++;
            }
        }
        return words;
    }

    private static int skipBlockComment(CharSequence text, int start, int to) {
        int depth = 0;
        int i = start;
        while (i < to) {
            char c = text.charAt(i);
            char next = (i + 1 < to) ? text.charAt(i + 1) : '\0';
            if (c == '/' && next == '*') {
                depth++;
                i += 2;
            }
            else if (c == '*' && next == '/') {
                i += 2;
                if (--depth == 0) {
                    return i;
                }
            }
            else {
                i++;
            }
        }
        return to;
    }

    private static int skipQuoted(CharSequence text, int from, int to, char quote, boolean backslashEscapes) {
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            }
            else if (c == quote) {
                if (i + 1 < to && text.charAt(i + 1) == quote) {
                    i += 2;
                }
                else {
                    return i + 1;
                }
            }
            else {
                i++;
            }
        }
        return to;
    }

    private static int skipDollar(CharSequence text, int start, int to) {
        int end = start + 1;
        if (end < to && Chars.isTagStart(text.charAt(end))) {
            while (end < to && Chars.isTagPart(text.charAt(end))) {
                end++;
            }
        }
        if (end >= to || text.charAt(end) != '$') {
            return start + 1;
        }
        String tag = text.subSequence(start, end + 1).toString();
        int close = indexOf(text, tag, end + 1, to);
        return (close < 0) ? to : close + tag.length();
    }

    private static int indexOf(CharSequence text, String tag, int from, int to) {
        if (text instanceof String s) {
            int found = s.indexOf(tag, from);
            return (found < 0 || found + tag.length() > to) ? -1 : found;
        }
        outer: for (int i = from; i + tag.length() <= to; i++) {
            for (int k = 0; k < tag.length(); k++) {
                if (text.charAt(i + k) != tag.charAt(k)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

}
