package dev.migrator.internal.sql;

import java.io.Reader;

/**
 * A {@link Reader} over a {@link CharSequence}, so COPY data streams from the script text
 * without a copy.
 */
final class CharSequenceReader extends Reader {

    private final CharSequence text;

    private int position;

    CharSequenceReader(CharSequence text) {
        this.text = text;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
        if (this.position >= this.text.length()) {
            return -1;
        }
        int count = Math.min(length, this.text.length() - this.position);
        for (int i = 0; i < count; i++) {
            buffer[offset + i] = this.text.charAt(this.position + i);
        }
        this.position += count;
        return count;
    }

    @Override
    public void close() {
        // nothing to release
    }

}
