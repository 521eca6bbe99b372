package dev.migrator.internal.resolve;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Texts kept from resolution for the run that follows (see {@link KeptScript} and
 * {@link TextBudget}).
 */
class KeptTextTests {

    private static final int PAGE = ScriptContent.PAGE_SIZE;

    @TempDir
    Path dir;

    @Test
    void readerKeepsTheNormalisedBytesThatWereChecksummed() throws IOException {
        ScriptText reader = new ScriptText();
        byte[] file = bytes("\uFEFFselect 'é';\r\nselect 2;\rselect 3;\n");
        String checksum = reader.checksumOf(new ByteArrayInputStream(file), "x", file.length, 1000);
        assertThat(new String(reader.keptCopy(), StandardCharsets.UTF_8))
            .isEqualTo("select 'é';\nselect 2;\nselect 3;\n");
        assertThat(checksum).isEqualTo(ScriptText.checksum(new ByteArrayInputStream(file), "x"));
    }

    @Test
    void readerKeepsAFileLongerThanItsBufferWhole() throws IOException {
        ScriptText reader = new ScriptText();
        String text = randomText(3 * ScriptText.BUFFER_SIZE + 17, true, new Random(5));
        reader.checksumOf(new ByteArrayInputStream(bytes(text)), "x", -1, 1 << 20);
        assertThat(new String(reader.keptCopy(), StandardCharsets.UTF_8)).isEqualTo(text);
    }

    @Test
    void readerKeepsNothingOfAFileOverTheLimitWhetherListedOrNot() throws IOException {
        ScriptText reader = new ScriptText();
        byte[] file = bytes("select 1;\n".repeat(100));
        reader.checksumOf(new ByteArrayInputStream(file), "x", file.length, file.length - 1);
        assertThat(reader.keptLength()).isEqualTo(-1);
        reader.checksumOf(new ByteArrayInputStream(file), "x", -1, file.length - 1);
        assertThat(reader.keptLength()).isEqualTo(-1);
        reader.checksumOf(new ByteArrayInputStream(file), "x", -1, file.length);
        assertThat(reader.keptLength()).isEqualTo(file.length);
    }

    @Test
    void reusedReaderKeepsOnlyTheLastFile() throws IOException {
        ScriptText reader = new ScriptText();
        reader.checksumOf(new ByteArrayInputStream(bytes("select 'a long first file';\n")), "a", -1, 1000);
        reader.checksumOf(new ByteArrayInputStream(bytes("select 2;\n")), "b", -1, 1000);
        assertThat(new String(reader.keptCopy(), StandardCharsets.UTF_8)).isEqualTo("select 2;\n");
    }

    @Test
    void contentOfKeptBytesEqualsTheContentReadFromTheFile() throws IOException {
        Random random = new Random(6);
        String[] texts = { "", "select 1;\n", randomText(PAGE, false, random), randomText(3 * PAGE + 5, false, random),
                randomText(2 * PAGE + 9, true, random), "select 'é ÿ ß', '😀', '€';\n".repeat(4000) };
        for (String text : texts) {
            byte[] file = bytes(text);
            ScriptContent fromFile = ScriptText.read(new ByteArrayInputStream(file), "x");
            ScriptContent fromKept = ScriptContent.ofNormalised(file, fromFile.checksum());
            assertThat(fromKept.length()).isEqualTo(fromFile.length());
            assertThat(fromKept.toString()).isEqualTo(fromFile.toString()).isEqualTo(text);
            if (text.length() > PAGE + 2) {
                assertThat(fromKept.subSequence(PAGE - 2, PAGE + 2)).isEqualTo(text.substring(PAGE - 2, PAGE + 2));
            }
        }
    }

    @Test
    void keptMigrationReadsAsResolvedAfterTheFileChanged() throws IOException {
        Path file = write("1_a.sql", "select 'as resolved';\r\n");
        ResolvedMigration migration = resolveKeeping(TextBudget.standard()).get(0);
        Files.writeString(file, "select 'rewritten';\n");
        ScriptContent content = migration.resource().read();
        assertThat(content.toString()).isEqualTo("select 'as resolved';\n");
        assertThat(content.checksum()).isEqualTo(migration.checksum());
        assertThat(migration.resource().displayName()).isEqualTo("filesystem:" + this.dir + "/1_a.sql");
        assertThat(migration.resource().relativePath()).isEqualTo("1_a.sql");
    }

    @Test
    void withoutKeepingEveryReadReadsTheFileAgain() throws IOException {
        Path file = write("1_a.sql", "select 'as resolved';\n");
        ResolvedMigration migration = new MigrationResolver(List.of("filesystem:" + this.dir), null).resolve().get(0);
        Files.writeString(file, "select 'rewritten';\n");
        assertThat(migration.resource().read().toString()).isEqualTo("select 'rewritten';\n");
    }

    @Test
    void rollbackScriptsAreNotKept() throws IOException {
        write("1_a.sql", "create table a (id int);\n");
        Path rollback = write("rollback/1_a.sql", "drop table a;\n");
        ResolvedMigration migration = resolveKeeping(TextBudget.standard()).get(0);
        Files.writeString(rollback, "drop table if exists a;\n");
        assertThat(migration.rollback().read().toString()).isEqualTo("drop table if exists a;\n");
    }

    @Test
    void filesOverTheBudgetAreReadAgainWhenTheyRun() throws IOException {
        Path first = write("1_a.sql", "select 1;\n");
        Path second = write("2_b.sql", "select 2;\n");
        Path big = write("3_c.sql", "select 3333;\n");
        // 12 bytes per file: 1 and 2 (10 bytes each) fit, 3 (13 bytes) does not; 15 in
        // all: only the first of them
        List<ResolvedMigration> migrations = resolveKeeping(new TextBudget(12, 15));
        Files.writeString(first, "select 10;\n");
        Files.writeString(second, "select 20;\n");
        Files.writeString(big, "select 30;\n");
        assertThat(migrations).extracting((m) -> m.resource().read().toString())
            .containsExactly("select 1;\n", "select 20;\n", "select 30;\n");
    }

    private List<ResolvedMigration> resolveKeeping(TextBudget budget) {
        return new MigrationResolver(List.of("filesystem:" + this.dir), null).resolve((work) -> {
        }, budget);
    }

    private Path write(String relative, String content) throws IOException {
        Path file = this.dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Random SQL-ish text of about {@code length} characters, ASCII only or with
     * characters beyond Latin-1.
     */
    private static String randomText(int length, boolean wide, Random random) {
        String[] pieces = wide ? new String[] { "a", "b", " ", ";", "\n", "'", "é", "€", "😀" }
                : new String[] { "a", "b", " ", ";", "\n", "'", "(", "0", "9" };
        StringBuilder sb = new StringBuilder(length + 2);
        while (sb.length() < length) {
            sb.append(pieces[random.nextInt(pieces.length)]);
        }
        return sb.toString();
    }

}
