package dev.migrator;

/**
 * Base of every error migrator raises. Each message names what failed (file, line,
 * setting), the cause, and how to fix it; subclasses carry the same facts as fields for
 * tools (the Spring Boot failure analyzer, the endpoint). A message names a setting by
 * its builder name ({@code lockWaitTimeout}); the setting itself is
 * {@link #getSetting()}, for a front end to name it its own way (a property, a flag).
 */
public class MigratorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Setting setting;

    /** Creates an exception with a complete, user-facing message. */
    public MigratorException(String message) {
        super(message);
        this.setting = null;
    }

    /** Creates an exception with a complete, user-facing message and its cause. */
    public MigratorException(String message, Throwable cause) {
        super(message, cause);
        this.setting = null;
    }

    /**
     * Creates an exception about a setting.
     * @param message the complete, user-facing message, naming the setting by its builder
     * name
     * @param setting the setting the fix is about, or {@code null}
     * @param cause the cause, or {@code null} (then it may be set later, as with
     * {@link #MigratorException(String)})
     */
    public MigratorException(String message, Setting setting, Throwable cause) {
        super(message);
        this.setting = setting;
        if (cause != null) {
            initCause(cause);
        }
    }

    /**
     * The setting the message refers to (usually the one to change to fix it), or
     * {@code null}.
     */
    public Setting getSetting() {
        return this.setting;
    }

}
