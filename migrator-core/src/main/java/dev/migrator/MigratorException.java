package dev.migrator;

/**
 * Base of every error migrator raises. Each message names what failed (file, line, setting), the cause, and how to
 * fix it; subclasses carry the same facts as fields for tools (the Spring Boot failure analyzer, the endpoint).
 */
public class MigratorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception with a complete, user-facing message. */
    public MigratorException(String message) {
        super(message);
    }

    /** Creates an exception with a complete, user-facing message and its cause. */
    public MigratorException(String message, Throwable cause) {
        super(message, cause);
    }
}
