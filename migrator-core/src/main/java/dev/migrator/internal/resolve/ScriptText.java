package dev.migrator.internal.resolve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import dev.migrator.InvalidMigrationException;

/**
 * Reads a script in one pass: strict UTF-8 (invalid bytes and NUL bytes are an
 * {@link InvalidMigrationException} naming the file, the byte offset and the line), a
 * leading BOM dropped, CRLF and CR turned into LF. The checksum is the SHA-256 of the
 * normalised bytes; the content ({@link #read}) is the decoded text normalised the same
 * way, so the checksum is always the SHA-256 of the content's UTF-8 encoding.
 * <p>
 * Normalisation of the bytes and of the characters agree: CR, LF, NUL and the BOM are
 * ASCII or start the file, and no byte of a multi-byte UTF-8 sequence is below 0x80, so
 * turning CR into LF byte by byte is the same as doing it on the decoded text. Nothing is
 * ever held for the whole file but the content's own pages ({@link ScriptContent}), or,
 * when asked while checksumming, the normalised bytes of a file up to a given size (see
 * {@link KeptScript}).
 * <p>
 * An instance keeps its buffers, digest and decoder for the next file, so resolving
 * thousands of files does not allocate buffers for each; it is not thread-safe.
 */
final class ScriptText {

    static final int BUFFER_SIZE = 16 * 1024;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final byte[] buffer = new byte[BUFFER_SIZE];

    private final byte[] out = new byte[BUFFER_SIZE];

    private final CharBuffer chars = CharBuffer.allocate(BUFFER_SIZE / 4);

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);

    private final MessageDigest digest = sha256();

    /**
     * The size the file is expected to end at (see
     * {@link #checksumOf(InputStream, String, long)}), or -1.
     */
    private long expectedSize = -1;

    /**
     * Whether the last character collected was a CR (so an LF right after it is dropped).
     */
    private boolean charAfterCr;

    /** Whether no character has been collected yet (a BOM is dropped only there). */
    private boolean firstChar;

    /**
     * The normalised bytes of the last file, while it fits in {@link #keepUpTo}; grows as
     * needed.
     */
    private byte[] kept = new byte[0];

    /**
     * How many bytes of {@link #kept} hold the last file; -1 when it did not fit (or was
     * not to be kept).
     */
    private int keptLength = -1;

    /** The most bytes of the current file to keep. */
    private int keepUpTo;

    /** The SHA-256 (lower-case hex) of the normalised content. */
    String checksumOf(InputStream in, String displayName) throws IOException {
        return checksumOf(in, displayName, -1);
    }

    /**
     * The SHA-256 like {@link #checksumOf(InputStream, String, long)}, also keeping the
     * normalised bytes when there are at most {@code keepUpTo} of them: then
     * {@link #keptLength()} tells how many, and {@link #keptCopy()} copies them out.
     */
    String checksumOf(InputStream in, String displayName, long listedSize, int keepUpTo) throws IOException {
        this.digest.reset();
        this.expectedSize = listedSize;
        this.keepUpTo = keepUpTo;
        this.keptLength = (keepUpTo > 0 && listedSize <= keepUpTo) ? 0 : -1;
        normalise(in, displayName, this::digestAndKeep, null);
        return hex(this.digest.digest());
    }

    /**
     * How many normalised bytes the last
     * {@link #checksumOf(InputStream, String, long, int)} kept, or -1.
     */
    int keptLength() {
        return this.keptLength;
    }

    /**
     * A copy of the normalised bytes kept by the last
     * {@link #checksumOf(InputStream, String, long, int)}.
     */
    byte[] keptCopy() {
        if (this.keptLength < 0) {
            throw new IllegalStateException("nothing was kept");
        }
        return Arrays.copyOf(this.kept, this.keptLength);
    }

    private void digestAndKeep(byte[] bytes, int offset, int length) {
        this.digest.update(bytes, offset, length);
        if (this.keptLength < 0) {
            return;
        }
        if (length > this.keepUpTo - this.keptLength) {
            this.keptLength = -1;
            return;
        }
        if (this.kept.length < this.keptLength + length) {
            this.kept = Arrays.copyOf(this.kept,
                    Math.min(this.keepUpTo, Math.max(this.keptLength + length, 2 * this.kept.length)));
        }
        System.arraycopy(bytes, offset, this.kept, this.keptLength, length);
        this.keptLength += length;
    }

    /**
     * The SHA-256 (lower-case hex) of the normalised content of a regular file whose size
     * was just listed: once that many bytes came in a read that asked for more, the file
     * is taken to end there, which saves the read that would only find the end (a fifth
     * of the system calls per file of a no-op start). A read from a regular file stops
     * short only at the end of the file; a file that grew since it was listed is read on
     * to its end as usual.
     * @param listedSize the size the directory listing gave, or -1 when not known
     */
    String checksumOf(InputStream in, String displayName, long listedSize) throws IOException {
        return checksumOf(in, displayName, listedSize, 0);
    }

    /**
     * The SHA-256 (lower-case hex) of the normalised content, with buffers of its own.
     */
    static String checksum(InputStream in, String displayName) throws IOException {
        return new ScriptText().checksumOf(in, displayName);
    }

    /**
     * The normalised content and its checksum, in one pass over the file with buffers of
     * its own. The text is collected page by page as it is decoded: no whole-file byte
     * array or second copy of the text is ever made.
     */
    static ScriptContent read(InputStream in, String displayName) throws IOException {
        ScriptText reader = new ScriptText();
        reader.digest.reset();
        reader.expectedSize = -1;
        ScriptContent.Builder content = new ScriptContent.Builder();
        reader.normalise(in, displayName, reader.digest::update, content);
        return content.build(hex(reader.digest.digest()));
    }

    /**
     * A fresh SHA-256 digest, cloned from one looked up once: a provider look-up per file
     * costs a reflective constructor call each time (the JDK generates an accessor class
     * after 15 of them).
     */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) Sha256.PROTOTYPE.clone();
        }
        catch (CloneNotSupportedException ex) {
            throw new IllegalStateException("This JVM's SHA-256 cannot be cloned", ex);
        }
    }

    static String hex(byte[] bytes) {
        char[] chars = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            chars[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            chars[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(chars);
    }

    /**
     * Normalises the bytes of {@code in} into {@code sink}; when {@code content} is not
     * {@code null}, also appends the decoded characters to it, normalised the same way
     * (BOM dropped, CRLF and CR turned into LF).
     */
    private void normalise(InputStream in, String displayName, Sink sink, ScriptContent.Builder content)
            throws IOException {
        this.decoder.reset();
        this.charAfterCr = false;
        this.firstChar = true;
        ByteBuffer undecoded = ByteBuffer.wrap(this.buffer);
        long decodedOffset = 0;
        int line = 1;
        boolean afterCr = false;
        boolean first = true;
        boolean end = false;
        long consumed = 0;
        while (!end) {
            int start = undecoded.position();
            int read = fill(in, start, this.buffer.length - start, consumed);
            consumed += read;
            end = read < this.buffer.length - start;
            int from = start;
            int to = start + read;
            if (first) {
                first = false;
                if (read >= 3 && this.buffer[0] == (byte) 0xEF && this.buffer[1] == (byte) 0xBB
                        && this.buffer[2] == (byte) 0xBF) {
                    from = 3;
                }
            }
            int n = 0;
            for (int i = from; i < to; i++) {
                byte b = this.buffer[i];
                if (b == '\r') {
                    this.out[n++] = '\n';
                    line++;
                    afterCr = true;
                }
                else if (b == '\n') {
                    if (!afterCr) {
                        this.out[n++] = '\n';
                        line++;
                    }
                    afterCr = false;
                }
                else if (b == 0) {
                    throw problem(displayName, line,
                            "contains a NUL byte at byte offset " + (decodedOffset + i) + " (line " + line
                                    + "); PostgreSQL cannot take NUL in SQL text. "
                                    + "Fix: remove it (the file may be UTF-16 or binary; save it as UTF-8)");
                }
                else {
                    this.out[n++] = b;
                    afterCr = false;
                }
            }
            undecoded.limit(to);
            undecoded.position(0);
            while (true) {
                this.chars.clear();
                CoderResult result = this.decoder.decode(undecoded, this.chars, end);
                if (result.isError()) {
                    throw problem(displayName, 0, "is not valid UTF-8: invalid byte sequence at byte offset "
                            + (decodedOffset + undecoded.position()) + ". Fix: save the file as UTF-8");
                }
                collect(content);
                if (result.isUnderflow()) {
                    break;
                }
            }
            if (end) {
                this.chars.clear();
                CoderResult result = this.decoder.flush(this.chars);
                if (result.isError()) {
                    throw problem(displayName, 0, "is not valid UTF-8: truncated byte sequence at the end, byte "
                            + "offset " + (decodedOffset + undecoded.position()) + ". Fix: save the file as UTF-8");
                }
                collect(content);
            }
            decodedOffset += undecoded.position();
            undecoded.compact();
            sink.write(this.out, 0, n);
        }
    }

    /**
     * Reads up to {@code length} bytes into the buffer at {@code offset}, fewer only at
     * the end of the file: like {@link InputStream#readNBytes(byte[], int, int)}, except
     * that it stops without another read once a read that came short brought the file to
     * its {@link #expectedSize}.
     * @param consumed the bytes of the file read before this call
     */
    private int fill(InputStream in, int offset, int length, long consumed) throws IOException {
        int total = 0;
        while (total < length) {
            int n = in.read(this.buffer, offset + total, length - total);
            if (n < 0) {
                break;
            }
            total += n;
            if (total < length && consumed + total == this.expectedSize) {
                break;
            }
        }
        return total;
    }

    /**
     * Appends the characters just decoded into {@link #chars} to {@code content},
     * normalised like the bytes: a BOM (U+FEFF) as the very first character dropped, CR
     * and CRLF turned into LF. Equivalent to the byte-level normalisation because a UTF-8
     * BOM decodes to exactly U+FEFF and CR and LF are never part of a multi-byte
     * sequence.
     */
    private void collect(ScriptContent.Builder content) {
        if (content == null) {
            return;
        }
        this.chars.flip();
        while (this.chars.hasRemaining()) {
            char c = this.chars.get();
            if (this.firstChar) {
                this.firstChar = false;
                if (c == '\uFEFF') {
                    continue;
                }
            }
            if (c == '\r') {
                content.append('\n');
                this.charAfterCr = true;
            }
            else if (c == '\n') {
                if (!this.charAfterCr) {
                    content.append('\n');
                }
                this.charAfterCr = false;
            }
            else {
                content.append(c);
                this.charAfterCr = false;
            }
        }
    }

    private static InvalidMigrationException problem(String displayName, int line, String cause) {
        return new InvalidMigrationException(displayName, line, displayName + " " + cause);
    }

    /**
     * The digest that {@link #sha256()} clones, looked up the first time one is needed.
     */
    private static final class Sha256 {

        static final MessageDigest PROTOTYPE = lookUp();

        private static MessageDigest lookUp() {
            try {
                return MessageDigest.getInstance("SHA-256");
            }
            catch (NoSuchAlgorithmException ex) {
                throw new IllegalStateException(
                        "SHA-256 is not available in this JVM; every Java runtime must have " + "it", ex);
            }
        }

    }

    /** Receives normalised bytes. */
    @FunctionalInterface
    private interface Sink {

        void write(byte[] bytes, int offset, int length);

    }

}
