package dev.migrator;

/**
 * Another instance held the migration lock for longer than {@code lockWaitTimeout}. The
 * message names the holder (pid, application name, client address, since when) so an
 * operator can find it.
 */
public class LockWaitTimeoutException extends MigratorException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a complete message; its setting is
     * {@link Setting#LOCK_WAIT_TIMEOUT}.
     */
    public LockWaitTimeoutException(String message) {
        super(message, Setting.LOCK_WAIT_TIMEOUT, null);
    }

}
