package dev.migrator.internal.sql;

import java.util.List;

/**
 * Engine statements that travel in the same JDBC batches as a transactional script, so
 * that a whole migration (transaction start, timeouts, the script, its history row,
 * commit, session reset) usually reaches the server in one round trip.
 *
 * @param opening statements sent before the script's first statement (e.g. {@code begin}
 * and {@code set local})
 * @param closing statements sent after its last statement (e.g. the history insert,
 * {@code commit})
 */
public record Envelope(List<String> opening, List<String> closing) {

    /** No engine statements: the script's statements alone. */
    public static final Envelope NONE = new Envelope(List.of(), List.of());

    /** Copies both lists. */
    public Envelope {
        opening = List.copyOf(opening);
        closing = List.copyOf(closing);
    }
}
