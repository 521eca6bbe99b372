package dev.migrator.internal.history;

/**
 * Markers in the {@code error_message} column that give audit rows their meaning. The
 * columns are a fixed contract, so repair rows and partly applied non-transactional
 * failures are told apart by these prefixes.
 */
public final class HistoryNotes {

    /** Prefix of every row {@code repair} appends. */
    public static final String REPAIR = "repair: ";

    /**
     * Prefix of the error of a non-transactional migration that failed after some
     * statements ran.
     */
    public static final String PARTIAL = "non-transactional migration failed part-way: ";

    private HistoryNotes() {
    }

    public static boolean isRepair(String note) {
        return note != null && note.startsWith(REPAIR);
    }

    public static boolean isPartial(String note) {
        return note != null && note.startsWith(PARTIAL);
    }

}
