package dev.migrator.internal.sql;

import java.nio.CharBuffer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Texts} on a non-String {@link CharSequence} must answer exactly as
 * {@link String}'s own methods.
 */
class TextsTests {

    private static final String TEXT = "select $a$ x; $a$, 'it''s' from T where \\. ;\n\\.\n";

    private static final CharSequence VIEW = CharBuffer.wrap(TEXT);

    @Test
    void indexOfCharAgreesWithString() {
        for (char c : new char[] { '$', '\'', '\n', ';', 'Z' }) {
            for (int from = -1; from <= TEXT.length() + 1; from++) {
                assertThat(Texts.indexOf(VIEW, c, from)).as("'%s' from %d", c, from).isEqualTo(TEXT.indexOf(c, from));
                assertThat(Texts.indexOf(TEXT, c, from)).isEqualTo(TEXT.indexOf(c, from));
            }
        }
    }

    @Test
    void indexOfStringAgreesWithString() {
        for (String part : new String[] { "$a$", "'", "\\.", "\n\\.\n", "", "nowhere", TEXT, TEXT + "x" }) {
            for (int from = -1; from <= TEXT.length() + 1; from++) {
                assertThat(Texts.indexOf(VIEW, part, from)).as("'%s' from %d", part, from)
                    .isEqualTo(TEXT.indexOf(part, from));
            }
        }
    }

    @Test
    void startsWithAgreesWithString() {
        for (String prefix : new String[] { "\\.", "select", "", "\n", TEXT }) {
            for (int at = -1; at <= TEXT.length() + 1; at++) {
                assertThat(Texts.startsWith(VIEW, prefix, at)).as("'%s' at %d", prefix, at)
                    .isEqualTo(TEXT.startsWith(prefix, at));
            }
        }
    }

    @Test
    void matchesIgnoreCaseAgreesWithRegionMatches() {
        String text = "Copy copy COPY cOpY cop";
        CharSequence view = CharBuffer.wrap(text);
        for (String word : new String[] { "COPY", "BEGIN", "C" }) {
            for (int at = -1; at <= text.length() + 1; at++) {
                boolean expected = text.regionMatches(true, at, word, 0, word.length());
                assertThat(Texts.matchesIgnoreCase(view, at, word)).as("%s at %d", word, at).isEqualTo(expected);
                assertThat(Texts.matchesIgnoreCase(text, at, word)).isEqualTo(expected);
            }
        }
    }

}
