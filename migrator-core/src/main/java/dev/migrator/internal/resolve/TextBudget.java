package dev.migrator.internal.resolve;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How much script text one resolution may keep in memory for the run that follows it (see
 * {@link KeptScript}): files up to a size each and up to a total, shared by all threads
 * reading the files. A file that does not fit is not kept; it is read again when it runs.
 */
final class TextBudget {

    /**
     * The biggest file kept: 1 MB (bigger scripts are read again, and checked to be
     * unchanged, when they run).
     */
    static final int FILE_BYTES = 1 << 20;

    /** The most bytes kept by one resolution: 16 MB. */
    static final long TOTAL_BYTES = 16L << 20;

    /** Keeps nothing. */
    static final TextBudget NONE = new TextBudget(0, 0);

    private final int fileBytes;

    private final AtomicLong left;

    TextBudget(int fileBytes, long totalBytes) {
        this.fileBytes = fileBytes;
        this.left = new AtomicLong(totalBytes);
    }

    /** The usual budget: {@link #FILE_BYTES} per file, {@link #TOTAL_BYTES} in all. */
    static TextBudget standard() {
        return new TextBudget(FILE_BYTES, TOTAL_BYTES);
    }

    /** The biggest file that may be kept, in bytes (0: none). */
    int fileBytes() {
        return this.fileBytes;
    }

    /**
     * Takes {@code bytes} from what is left; {@code false} (and nothing taken) when that
     * is not enough.
     */
    boolean take(int bytes) {
        while (true) {
            long now = this.left.get();
            if (now < bytes) {
                return false;
            }
            if (this.left.compareAndSet(now, now - bytes)) {
                return true;
            }
        }
    }

}
