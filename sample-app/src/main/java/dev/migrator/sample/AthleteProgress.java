package dev.migrator.sample;

import java.time.LocalDate;

/**
 * One athlete with a summary of their goals, a row of the view {@code athlete_progress}
 * (created by the repeatable migration {@code R__athlete_progress_view.sql}).
 *
 * @param athleteId the athlete's id
 * @param name the athlete's name
 * @param sport the sport they train for
 * @param goals how many goals they have
 * @param achievedGoals how many of them are achieved
 * @param nextTargetDate the earliest target date of an open goal, or {@code null} when
 * none is open
 */
public record AthleteProgress(long athleteId, String name, String sport, long goals, long achievedGoals,
        LocalDate nextTargetDate) {
}
