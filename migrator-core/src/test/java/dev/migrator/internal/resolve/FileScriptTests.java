package dev.migrator.internal.resolve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file script's checksum is that of its content, whatever the state of the reading
 * thread: a caller that helps to resolve may be interrupted, and must neither see a file
 * as unreadable nor lose its interrupt.
 */
class FileScriptTests {

    @TempDir
    Path dir;

    @Test
    void checksumIsTheChecksumOfTheFilesContentForEveryReadOfOneReader() throws IOException {
        byte[] big = new byte[3 * ScriptText.BUFFER_SIZE + 7];
        Arrays.fill(big, (byte) 'x');
        big[ScriptText.BUFFER_SIZE - 1] = '\r'; // CRLF across two reads
        big[ScriptText.BUFFER_SIZE] = '\n';
        byte[][] contents = { new byte[0], utf8("select 1;"), utf8("\uFEFFselect 'é';\r\nselect 2;\r"), big };
        ScriptText reader = new ScriptText(); // one reader for all files, as a resolving
                                              // thread uses it
        for (byte[] content : contents) {
            Path file = Files.write(this.dir.resolve("001_x.sql"), content);
            try (InputStream in = Files.newInputStream(file)) {
                assertThat(script(file).checksum(reader, 0)).isEqualTo(ScriptText.checksum(in, "x"));
            }
        }
    }

    @Test
    void anInterruptedThreadStillReadsTheFileAndKeepsItsInterrupt() throws IOException {
        Path file = Files.write(this.dir.resolve("001_x.sql"), utf8("select 1;"));
        String expected = script(file).checksum(new ScriptText(), 0);
        Thread.currentThread().interrupt();
        try {
            assertThat(script(file).checksum(new ScriptText(), 0)).isEqualTo(expected);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        }
        finally {
            Thread.interrupted();
        }
    }

    private FileScript script(Path file) {
        return new FileScript(Location.parse("filesystem:" + this.dir), this.dir.relativize(file).toString(), file,
                this.dir, -1);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

}
