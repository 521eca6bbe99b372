package dev.migrator;

/**
 * {@code migrate} refused to run because validation found problems; all of them are in
 * the message and in {@link #getResult()}.
 */
public class ValidationFailedException extends MigratorException {

    private static final long serialVersionUID = 1L;

    private final transient ValidateResult result;

    /** Creates the exception from the validation result. */
    public ValidationFailedException(ValidateResult result) {
        super("Validation failed, nothing was migrated (" + result.problems().size() + " problem"
                + (result.problems().size() == 1 ? "" : "s") + "):\n" + result.describe());
        this.result = result;
    }

    /** The validation result with every problem. */
    public ValidateResult getResult() {
        return this.result;
    }

}
