package dev.migrator.autoconfigure;

import java.time.Instant;

/**
 * What this application instance did with migrations while it started.
 *
 * @param startedAt when the start-up run began
 * @param durationMs how long it took
 * @param outcome {@code success}, {@code failure} or {@code skipped}
 * @param applied how many scripts were applied successfully
 * @param error the error message of a failed run, or {@code null}
 */
public record StartupRun(Instant startedAt, long durationMs, String outcome, int applied, String error) {

    /** Outcome of a run that completed. */
    public static final String SUCCESS = "success";

    /** Outcome of a run that ended with an error. */
    public static final String FAILURE = "failure";

    /** Outcome when nothing ran at start-up ({@code migrator.run-on-startup=false}). */
    public static final String SKIPPED = "skipped";

}
