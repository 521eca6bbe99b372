package dev.migrator;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every problem {@link Migrator#validate()} (or, for the files alone,
 * {@link Migrator#checkFiles()}) found, in one result. {@code migrate} refuses to run
 * while there is any.
 *
 * @param problems the problems, empty when the migrations are valid
 */
public record ValidateResult(List<Problem> problems) {

    /** Creates the result; the list is copied. */
    public ValidateResult {
        problems = List.copyOf(problems);
    }

    /** Whether no problem was found. */
    public boolean isValid() {
        return this.problems.isEmpty();
    }

    /** All problems, one per line, each naming its file and the fix. */
    public String describe() {
        return this.problems.stream().map((p) -> "  - " + p.message()).collect(Collectors.joining("\n"));
    }

    /** The kinds of problem validation reports. */
    public enum Kind {

        /** An applied migration's file was edited since it was applied. */
        CHANGED,

        /** An applied migration's file is gone. */
        MISSING,

        /** A pending migration has a lower version than the highest applied one. */
        OUT_OF_ORDER,

        /**
         * The files themselves are not acceptable (duplicate version, bad name, invalid
         * content, ...).
         */
        INVALID_FILES,

        /** A non-transactional migration failed part-way and may be partly applied. */
        FAILED_NON_TRANSACTIONAL,

        /**
         * A migration's latest history row has a status a newer migrator wrote and this
         * one does not know.
         */
        UNRECOGNIZED_STATUS;

        /** The wire name in kebab-case, as in JSON, e.g. {@code out-of-order}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

    }

    /**
     * One problem.
     *
     * @param kind what kind of problem
     * @param script the file it concerns, or {@code null}
     * @param message the complete message naming the file, the cause and the fix
     */
    public record Problem(Kind kind, String script, String message) {
    }
}
