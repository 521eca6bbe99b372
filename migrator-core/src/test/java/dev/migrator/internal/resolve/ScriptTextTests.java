package dev.migrator.internal.resolve;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.migrator.InvalidMigrationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ScriptTextTests {

    @Test
    void checksumIsSha256OfTheTextInLowerCaseHex() throws Exception {
        String sql = "create table t (id int);\n";
        String expected = ScriptText
            .hex(MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8)));
        assertThat(checksum(sql.getBytes(StandardCharsets.UTF_8))).isEqualTo(expected).matches("[0-9a-f]{64}");
    }

    @Test
    void crlfAndLfCopiesHaveTheSameChecksum() throws IOException {
        assertThat(checksum(utf8("select 1;\r\nselect 2;\r\n"))).isEqualTo(checksum(utf8("select 1;\nselect 2;\n")));
    }

    @Test
    void loneCrCountsAsLf() throws IOException {
        assertThat(checksum(utf8("select 1;\rselect 2;\r"))).isEqualTo(checksum(utf8("select 1;\nselect 2;\n")));
    }

    @Test
    void crlfSplitAcrossReadBuffersIsOneLineBreak() throws IOException {
        byte[] crlf = new byte[16 * 1024 + 1];
        Arrays.fill(crlf, (byte) 'x');
        crlf[16 * 1024 - 1] = '\r';
        crlf[16 * 1024] = '\n';
        byte[] lf = Arrays.copyOf(crlf, crlf.length - 1);
        lf[16 * 1024 - 1] = '\n';
        assertThat(checksum(crlf)).isEqualTo(checksum(lf));
    }

    @Test
    void leadingBomIsDropped() throws IOException {
        byte[] withBom = concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, utf8("select 1;\n"));
        assertThat(checksum(withBom)).isEqualTo(checksum(utf8("select 1;\n")));
        assertThat(read(withBom)).isEqualTo("select 1;\n");
    }

    @Test
    void contentIsNormalisedLikeTheChecksum() throws IOException {
        assertThat(read(utf8("\uFEFFselect 'é';\r\nselect 2;\rselect 3;\n")))
            .isEqualTo("select 'é';\nselect 2;\nselect 3;\n");
    }

    @Test
    void multiByteCharacterSplitAcrossReadBuffersIsDecoded() throws IOException {
        byte[] prefix = new byte[16 * 1024 - 1];
        Arrays.fill(prefix, (byte) 'a');
        byte[] bytes = concat(prefix, utf8("é€😀\n"));
        assertThat(read(bytes)).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
    }

    @Test
    void invalidUtf8IsRejectedWithItsByteOffset() {
        byte[] latin1 = "select 'caf\u00e9';".getBytes(StandardCharsets.ISO_8859_1);
        assertThatExceptionOfType(InvalidMigrationException.class).isThrownBy(() -> checksum(latin1))
            .withMessage("db/001_x.sql is not valid UTF-8: invalid byte sequence at byte offset 11. Fix: save "
                    + "the file as UTF-8")
            .satisfies((ex) -> assertThat(ex.getScript()).isEqualTo("db/001_x.sql"));
    }

    @Test
    void invalidUtf8BeyondTheFirstBufferReportsTheAbsoluteOffset() {
        byte[] prefix = new byte[40_000];
        Arrays.fill(prefix, (byte) 'a');
        byte[] bytes = concat(prefix, new byte[] { (byte) 0xC3, (byte) 0x28 });
        assertThatExceptionOfType(InvalidMigrationException.class).isThrownBy(() -> read(bytes))
            .withMessageContaining("byte offset 40000");
    }

    @Test
    void truncatedUtf8AtTheEndIsRejected() {
        byte[] bytes = concat(utf8("select 1;"), new byte[] { (byte) 0xE2, (byte) 0x82 });
        assertThatExceptionOfType(InvalidMigrationException.class).isThrownBy(() -> checksum(bytes))
            .withMessageContaining("byte offset 9");
    }

    @Test
    void nulByteIsRejectedWithItsOffsetAndLine() {
        byte[] bytes = utf8("select 1;\nselect\u00002;\n");
        assertThatExceptionOfType(InvalidMigrationException.class).isThrownBy(() -> checksum(bytes))
            .withMessageStartingWith("db/001_x.sql contains a NUL byte at byte offset 16 (line 2)")
            .satisfies((ex) -> assertThat(ex.getLine()).isEqualTo(2));
    }

    @Test
    void utf16FileIsRejectedAsNul() {
        byte[] utf16 = "select 1;".getBytes(StandardCharsets.UTF_16LE);
        assertThatExceptionOfType(InvalidMigrationException.class).isThrownBy(() -> checksum(utf16))
            .withMessageContaining("NUL byte at byte offset 1");
    }

    @Test
    void reusedReaderGivesTheSameChecksumAfterAFailedFile() throws IOException {
        ScriptText reader = new ScriptText();
        byte[] truncated = concat(utf8("select 1;"), new byte[] { (byte) 0xE2, (byte) 0x82 });
        assertThatExceptionOfType(InvalidMigrationException.class)
            .isThrownBy(() -> reader.checksumOf(new ByteArrayInputStream(truncated), "a.sql"));
        assertThat(reader.checksumOf(new ByteArrayInputStream(utf8("\uFEFFselect 'é';\r\n")), "b.sql"))
            .isEqualTo(checksum(utf8("select 'é';\n")));
    }

    private static String checksum(byte[] bytes) throws IOException {
        return ScriptText.checksum(new ByteArrayInputStream(bytes), "db/001_x.sql");
    }

    /**
     * The content as a String; also checks that the checksum read with it is the one
     * computed alone.
     */
    private static String read(byte[] bytes) throws IOException {
        ScriptContent content = ScriptText.read(new ByteArrayInputStream(bytes), "db/001_x.sql");
        assertThat(content.checksum()).isEqualTo(checksum(bytes));
        return content.toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void aFileOfItsListedSizeIsReadWithoutTheReadThatFindsTheEnd() throws IOException {
        byte[] bytes = utf8("create table t (id int);\n");
        CountingStream in = new CountingStream(bytes, Integer.MAX_VALUE);
        String checksum = new ScriptText().checksumOf(in, "V1__t.sql", bytes.length);
        assertThat(checksum).isEqualTo(checksum(bytes));
        assertThat(in.reads).isEqualTo(1);
        CountingStream unknownSize = new CountingStream(bytes, Integer.MAX_VALUE);
        new ScriptText().checksumOf(unknownSize, "V1__t.sql", -1);
        assertThat(unknownSize.reads).isEqualTo(2);
    }

    @Test
    void aFileThatGrewSinceItWasListedIsReadToItsEnd() throws IOException {
        // a regular file's read gives all that was asked for up to the end of the file
        byte[] bytes = new byte[40_000];
        Arrays.fill(bytes, (byte) 'x');
        for (long listed : new long[] { 10, 16 * 1024, 16 * 1024 - 1, 39_999 }) {
            assertThat(new ScriptText().checksumOf(new CountingStream(bytes, Integer.MAX_VALUE), "V1__t.sql", listed))
                .as("listed %d", listed)
                .isEqualTo(checksum(bytes));
        }
    }

    @Test
    void aFileThatShrankSinceItWasListedIsReadToItsEnd() throws IOException {
        byte[] bytes = new byte[40_000];
        Arrays.fill(bytes, (byte) 'x');
        for (long listed : new long[] { 40_001, 100_000 }) {
            for (int chunk : new int[] { 1, 7, 16 * 1024, Integer.MAX_VALUE }) {
                assertThat(new ScriptText().checksumOf(new CountingStream(bytes, chunk), "V1__t.sql", listed))
                    .as("listed %d, reads of %d", listed, chunk)
                    .isEqualTo(checksum(bytes));
            }
        }
    }

    @Test
    void aFileOfItsListedSizeReadInPiecesIsReadWhole() throws IOException {
        byte[] bytes = new byte[20_000];
        Arrays.fill(bytes, (byte) 'y');
        for (int chunk : new int[] { 1, 3, 1000, 16 * 1024 }) {
            assertThat(new ScriptText().checksumOf(new CountingStream(bytes, chunk), "V1__t.sql", bytes.length))
                .as("reads of %d", chunk)
                .isEqualTo(checksum(bytes));
        }
    }

    /** Hands out at most {@code chunk} bytes per read and counts the reads. */
    private static final class CountingStream extends ByteArrayInputStream {

        private final int chunk;

        int reads;

        CountingStream(byte[] bytes, int chunk) {
            super(bytes);
            this.chunk = chunk;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            this.reads++;
            return super.read(b, off, Math.min(len, this.chunk));
        }

    }

}
