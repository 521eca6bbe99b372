package dev.migrator.internal.command;

/**
 * Markers in the {@code error_message} column that give audit rows their meaning. The columns are a fixed
 * contract, so repair rows and partly applied non-transactional failures are told apart by these prefixes.
 */
final class HistoryNotes {

    /** Prefix of every row {@code repair} appends. */
    static final String REPAIR = "repair: ";

    /** Prefix of the error of a non-transactional migration that failed after some statements ran. */
    static final String PARTIAL = "non-transactional migration failed part-way: ";

    private HistoryNotes() {
    }

    static boolean isRepair(String note) {
        return note != null && note.startsWith(REPAIR);
    }

    static boolean isPartial(String note) {
        return note != null && note.startsWith(PARTIAL);
    }
}
