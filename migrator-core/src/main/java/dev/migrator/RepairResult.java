package dev.migrator;

import java.util.List;

/**
 * What {@link Migrator#repair()} changed. Repair never edits or deletes history rows; it
 * appends audit rows.
 *
 * @param acceptedChecksums scripts of {@code changed} migrations whose current checksum
 * is now accepted
 * @param clearedFailures scripts of failed non-transactional migrations that are
 * {@code pending} again
 */
public record RepairResult(List<String> acceptedChecksums, List<String> clearedFailures) {

    /** Creates the result; the lists are copied. */
    public RepairResult {
        acceptedChecksums = List.copyOf(acceptedChecksums);
        clearedFailures = List.copyOf(clearedFailures);
    }

    /** Whether repair found nothing to do. */
    public boolean isEmpty() {
        return this.acceptedChecksums.isEmpty() && this.clearedFailures.isEmpty();
    }
}
