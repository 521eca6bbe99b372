package dev.migrator.internal.resolve;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The normalised text of a script (see {@link ScriptResource#read()}) together with its
 * checksum, held in one copy only, with one byte per character wherever it can be.
 * <p>
 * The text is stored in pages of {@value #PAGE_SIZE} characters. A page whose characters
 * are all below U+0100 (every page of an ASCII or Latin-1 file) is a {@code byte[]}, any
 * other page a {@code char[]}; so a 50 MB ASCII script takes 50 MB of heap, as a
 * {@link String} would, but is built page by page while the file is read, without a
 * second whole-file copy and without one large array (no single allocation needs 50 MB of
 * contiguous heap).
 * <p>
 * {@link #subSequence(int, int)} returns a {@link String} copy of the range, which is how
 * a statement's text is materialised when it is sent; {@link #toString()} copies the
 * whole text. Instances are immutable.
 */
public final class ScriptContent implements CharSequence {

    /** Characters per page; a power of two. */
    static final int PAGE_SIZE = 1 << 15;

    private static final int PAGE_BITS = Integer.numberOfTrailingZeros(PAGE_SIZE);

    private static final int PAGE_MASK = PAGE_SIZE - 1;

    /**
     * Per page: its characters when they are all below U+0100, otherwise {@code null}.
     */
    private final byte[][] narrow;

    /**
     * Per page: its characters when one of them is U+0100 or above, otherwise
     * {@code null}.
     */
    private final char[][] wide;

    private final int length;

    private final String checksum;

    private ScriptContent(byte[][] narrow, char[][] wide, int length, String checksum) {
        this.narrow = narrow;
        this.wide = wide;
        this.length = length;
        this.checksum = checksum;
    }

    /**
     * The content of bytes that {@link ScriptText} has already checked and normalised
     * (valid UTF-8, no BOM, LF line ends; see {@link KeptScript}). ASCII text is taken
     * page by page as it is (a text of one page is not even copied: the array becomes the
     * page, so it must never change afterwards); other text is decoded.
     * @param utf8 the normalised bytes
     * @param checksum their SHA-256
     */
    static ScriptContent ofNormalised(byte[] utf8, String checksum) {
        if (!isAscii(utf8)) {
            String text = new String(utf8, StandardCharsets.UTF_8);
            Builder builder = new Builder();
            for (int i = 0; i < text.length(); i++) {
                builder.append(text.charAt(i));
            }
            return builder.build(checksum);
        }
        int pages = (utf8.length + PAGE_SIZE - 1) >>> PAGE_BITS;
        byte[][] narrow = new byte[pages][];
        if (pages == 1) {
            narrow[0] = utf8;
        }
        else {
            for (int page = 0; page < pages; page++) {
                narrow[page] = Arrays.copyOfRange(utf8, page << PAGE_BITS,
                        Math.min(utf8.length, (page + 1) << PAGE_BITS));
            }
        }
        return new ScriptContent(narrow, new char[pages][], utf8.length, checksum);
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The SHA-256 (lower-case hex) of this text encoded as UTF-8: the script's checksum.
     */
    public String checksum() {
        return this.checksum;
    }

    @Override
    public int length() {
        return this.length;
    }

    /**
     * The character at {@code index}. Out of range, the page arrays themselves throw (an
     * {@link ArrayIndexOutOfBoundsException}): pages are full but the last, which is
     * trimmed to its length.
     */
    @Override
    public char charAt(int index) {
        int page = index >>> PAGE_BITS;
        byte[] bytes = this.narrow[page];
        return (bytes != null) ? (char) (bytes[index & PAGE_MASK] & 0xFF) : this.wide[page][index & PAGE_MASK];
    }

    /** A {@link String} copy of {@code [start, end)}. */
    @Override
    public String subSequence(int start, int end) {
        if (start < 0 || end > this.length || start > end) {
            throw new IndexOutOfBoundsException("range [" + start + ", " + end + "), length " + this.length);
        }
        if (start == end) {
            return "";
        }
        int firstPage = start >>> PAGE_BITS;
        int lastPage = (end - 1) >>> PAGE_BITS;
        if (firstPage == lastPage) {
            int from = start & PAGE_MASK;
            byte[] bytes = this.narrow[firstPage];
            return (bytes != null) ? new String(bytes, from, end - start, StandardCharsets.ISO_8859_1)
                    : new String(this.wide[firstPage], from, end - start);
        }
        StringBuilder sb = new StringBuilder(end - start);
        for (int page = firstPage; page <= lastPage; page++) {
            int from = (page == firstPage) ? start & PAGE_MASK : 0;
            int to = (page == lastPage) ? ((end - 1) & PAGE_MASK) + 1 : PAGE_SIZE;
            byte[] bytes = this.narrow[page];
            if (bytes != null) {
                for (int i = from; i < to; i++) {
                    sb.append((char) (bytes[i] & 0xFF));
                }
            }
            else {
                sb.append(this.wide[page], from, to - from);
            }
        }
        return sb.toString();
    }

    /** A {@link String} copy of the whole text. */
    @Override
    public String toString() {
        return subSequence(0, this.length);
    }

    /**
     * Collects characters into pages: each full page is stored as {@code byte[]} or
     * {@code char[]}, the last one trimmed to its length. Not thread-safe;
     * {@link #build(String)} once.
     */
    static final class Builder {

        private final char[] page = new char[PAGE_SIZE];

        private int filled;

        private byte[][] narrow = new byte[4][];

        private char[][] wide = new char[4][];

        private int pages;

        private long length;

        /** Appends one character. */
        void append(char c) {
            this.page[this.filled++] = c;
            if (this.filled == PAGE_SIZE) {
                store();
            }
        }

        /** The content built so far, with its checksum. */
        ScriptContent build(String checksum) {
            if (this.filled > 0) {
                store();
            }
            return new ScriptContent(Arrays.copyOf(this.narrow, this.pages), Arrays.copyOf(this.wide, this.pages),
                    (int) this.length, checksum);
        }

        private void store() {
            if (this.length + this.filled > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("a script of more than 2^31 characters cannot be held in memory");
            }
            if (this.pages == this.narrow.length) {
                this.narrow = Arrays.copyOf(this.narrow, this.pages * 2);
                this.wide = Arrays.copyOf(this.wide, this.pages * 2);
            }
            boolean fits = true;
            for (int i = 0; i < this.filled && fits; i++) {
                fits = this.page[i] < 0x100;
            }
            if (fits) {
                byte[] bytes = new byte[this.filled];
                for (int i = 0; i < this.filled; i++) {
                    bytes[i] = (byte) this.page[i];
                }
                this.narrow[this.pages] = bytes;
            }
            else {
                this.wide[this.pages] = Arrays.copyOf(this.page, this.filled);
            }
            this.pages++;
            this.length += this.filled;
            this.filled = 0;
        }

    }

}
