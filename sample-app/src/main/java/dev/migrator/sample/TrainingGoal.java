package dev.migrator.sample;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A training goal of an athlete, a row of table {@code training_goal}.
 *
 * @param id the generated id
 * @param athleteId the athlete it belongs to
 * @param description what the athlete wants to achieve
 * @param targetDate the day it should be achieved by
 * @param achieved whether it was achieved
 * @param createdAt when the row was inserted
 * @param updatedAt when the row was last changed (kept by the {@code set_updated_at}
 * trigger)
 */
public record TrainingGoal(long id, long athleteId, String description, LocalDate targetDate, boolean achieved,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
