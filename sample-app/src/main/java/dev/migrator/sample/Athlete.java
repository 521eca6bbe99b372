package dev.migrator.sample;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * An athlete, a row of table {@code athlete}.
 *
 * @param id the generated id
 * @param name the athlete's name
 * @param sport the sport they train for
 * @param preferences free-form settings as a JSON object (column
 * {@code preferences jsonb}, default {@code {}}); written into responses as JSON, not as
 * a string
 * @param createdAt when the row was inserted
 * @param updatedAt when the row was last changed (kept by the {@code set_updated_at}
 * trigger)
 */
public record Athlete(long id, String name, String sport, @JsonRawValue String preferences, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
