package dev.migrator.internal.sql;

import java.sql.SQLException;

/**
 * One of the {@link Envelope}'s own statements failed (not one of the script's), e.g. the
 * history insert or the {@code commit}. The server's error is the cause; its SQLSTATE and
 * message are copied.
 */
public final class EnvelopeStatementException extends SQLException {

    private static final long serialVersionUID = 1L;

    private final boolean closing;

    private final int index;

    EnvelopeStatementException(boolean closing, int index, String sql, SQLException serverError) {
        super("Engine statement '" + sql + "' failed: " + serverError.getMessage(), serverError.getSQLState(),
                serverError);
        this.closing = closing;
        this.index = index;
    }

    /**
     * Whether the failing statement is one of {@link Envelope#closing()} (else one of the
     * opening ones).
     */
    public boolean isClosing() {
        return this.closing;
    }

    /** The 0-based index of the failing statement in its list. */
    public int index() {
        return this.index;
    }

}
