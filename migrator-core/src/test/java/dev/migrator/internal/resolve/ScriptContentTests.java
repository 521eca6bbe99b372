package dev.migrator.internal.resolve;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.migrator.internal.sql.SqlParser;
import dev.migrator.internal.sql.SqlScript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ScriptContentTests {

    private static final int PAGE = ScriptContent.PAGE_SIZE;

    @Test
    void emptyScriptHasNoCharacters() throws IOException {
        ScriptContent content = read("");
        assertThat(content.length()).isZero();
        assertThat(content.toString()).isEmpty();
        assertThat(content.subSequence(0, 0)).isEmpty();
        assertThat(content.checksum()).isEqualTo(sha256(""));
    }

    @Test
    void textSpanningSeveralPagesReadsBackExactly() throws IOException {
        String text = randomText(3 * PAGE + 123, false, new Random(1));
        ScriptContent content = read(text);
        assertThat(content.length()).isEqualTo(text.length());
        assertThat(content.toString()).isEqualTo(text);
        for (int i : new int[] { 0, PAGE - 1, PAGE, 2 * PAGE + 7, text.length() - 1 }) {
            assertThat(content.charAt(i)).as("char %d", i).isEqualTo(text.charAt(i));
        }
    }

    @Test
    void rangesAcrossPageBoundariesAndMixedPagesAreCopiedExactly() throws IOException {
        StringBuilder sb = new StringBuilder(randomText(PAGE, false, new Random(2)));
        sb.append(randomText(PAGE, true, new Random(3))).append(randomText(PAGE + 50, false, new Random(4)));
        String text = sb.toString();
        ScriptContent content = read(text);
        assertThat(content.toString()).isEqualTo(text);
        int[][] ranges = { { 0, 10 }, { PAGE - 5, PAGE + 5 }, { PAGE + 3, 2 * PAGE - 3 },
                { 2 * PAGE - 1, 2 * PAGE + 1 }, { 10, 3 * PAGE + 40 }, { PAGE, PAGE } };
        for (int[] r : ranges) {
            assertThat(content.subSequence(r[0], r[1])).as("[%d, %d)", r[0], r[1])
                .isEqualTo(text.substring(r[0], r[1]));
        }
        assertThat(content.charAt(PAGE + 1)).isEqualTo(text.charAt(PAGE + 1));
    }

    @Test
    void supplementaryCharactersAndLatin1SurviveAsTheyAre() throws IOException {
        String text = "select 'é ÿ ß', '😀', '€';\n".repeat(5000);
        ScriptContent content = read(text);
        assertThat(content.toString()).isEqualTo(text);
        assertThat(content.checksum()).isEqualTo(sha256(text));
    }

    @Test
    void normalisesLikeTheChecksumEvenWhenCrlfIsSplitAcrossBuffers() throws IOException {
        // CR as the last char of a decoder chunk, of a read buffer and of a page; the LF
        // comes in the next one
        for (int at : new int[] { ScriptText.BUFFER_SIZE / 4 - 1, ScriptText.BUFFER_SIZE - 1, PAGE - 1 }) {
            String lf = "x".repeat(at) + "\n" + "y".repeat(100) + "\rz";
            String crlf = "x".repeat(at) + "\r\n" + "y".repeat(100) + "\r\nz";
            ScriptContent content = read("\uFEFF" + crlf);
            String expected = lf.replace('\r', '\n');
            assertThat(content.toString()).as("CR at %d", at).isEqualTo(expected);
            assertThat(content.checksum()).isEqualTo(sha256(expected));
        }
    }

    @Test
    void onlyALeadingBomIsDropped() throws IOException {
        assertThat(read("\uFEFFselect '\uFEFF';").toString()).isEqualTo("select '\uFEFF';");
    }

    @Test
    void parsingTheContentGivesTheSameStatementsAsParsingAString() throws IOException {
        StringBuilder sb = new StringBuilder("create table t (id int, s text);\n");
        for (int i = 0; sb.length() < 3 * PAGE; i++) {
            sb.append("insert into t values (")
                .append(i)
                .append(", 'row ")
                .append(i)
                .append((i % 7 == 0) ? " 😀 ünïcödé" : "")
                .append("'); -- note ")
                .append(i)
                .append('\n');
        }
        sb.append("copy t (id, s) from stdin;\n1\tone\n2\ttwo\n\\.\nselect $body$ a; b $body$;\n");
        String text = sb.toString();
        SqlScript fromContent = SqlParser.parse("V1__x.sql", read(text));
        SqlScript fromString = SqlParser.parse("V1__x.sql", text);
        assertThat(fromContent.statements()).isEqualTo(fromString.statements());
        assertThat(fromContent.statements().get(fromContent.statements().size() - 2).copyData().rows().toString())
            .isEqualTo("1\tone\n2\ttwo\n");
    }

    @Test
    void outOfRangeAccessFails() throws IOException {
        ScriptContent content = read("select 1;");
        assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> content.charAt(9));
        assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> content.charAt(-1));
        assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> content.subSequence(3, 10));
        assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> content.subSequence(4, 3));
    }

    private static ScriptContent read(String text) throws IOException {
        return ScriptText.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "db/V1__x.sql");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Text without CR or NUL; with {@code wide}, also characters above U+00FF. */
    private static String randomText(int length, boolean wide, Random random) {
        StringBuilder sb = new StringBuilder(length);
        while (sb.length() < length) {
            int kind = random.nextInt(10);
            if (kind == 0) {
                sb.append('\n');
            }
            else if (kind == 1) {
                sb.append((char) (0xA0 + random.nextInt(0x60)));
            }
            else if (kind == 2 && wide) {
                sb.append((char) (0x400 + random.nextInt(0x100)));
            }
            else {
                sb.append((char) ('a' + random.nextInt(26)));
            }
        }
        return sb.toString();
    }

}
