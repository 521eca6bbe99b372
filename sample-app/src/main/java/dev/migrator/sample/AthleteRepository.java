package dev.migrator.sample;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and writes athletes and their goals with {@link JdbcClient}. Every change also
 * writes a row to {@code audit_log} in the same transaction.
 */
@Repository
public class AthleteRepository {

    private static final String ATHLETE_COLUMNS = "id, name, sport, preferences, created_at, updated_at";

    private static final String GOAL_COLUMNS = "id, athlete_id, description, target_date, achieved, created_at, updated_at";

    private final JdbcClient jdbc;

    /**
     * Creates the repository.
     * @param jdbc the client of the application's data source
     */
    public AthleteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every athlete with a summary of their goals, by name.
     * @return the rows of the {@code athlete_progress} view
     */
    public List<AthleteProgress> progress() {
        return this.jdbc
            .sql("select athlete_id, name, sport, goals, achieved_goals, next_target_date "
                    + "from athlete_progress order by name, athlete_id")
            .query(AthleteProgress.class)
            .list();
    }

    /**
     * One athlete.
     * @param id the athlete's id
     * @return the athlete, or empty when there is none with that id
     */
    public Optional<Athlete> find(long id) {
        return this.jdbc.sql("select " + ATHLETE_COLUMNS + " from athlete where id = :id")
            .param("id", id)
            .query(Athlete.class)
            .optional();
    }

    /**
     * Adds an athlete.
     * @param name the name
     * @param sport the sport
     * @return the new athlete
     */
    @Transactional
    public Athlete create(String name, String sport) {
        Athlete athlete = this.jdbc
            .sql("insert into athlete (name, sport) values (:name, :sport) returning " + ATHLETE_COLUMNS)
            .param("name", name)
            .param("sport", sport)
            .query(Athlete.class)
            .single();
        audit("athlete", athlete.id(), "created");
        return athlete;
    }

    /**
     * The goals of an athlete, by target date.
     * @param athleteId the athlete's id
     * @return the goals, empty when the athlete has none
     */
    public List<TrainingGoal> goals(long athleteId) {
        return this.jdbc
            .sql("select " + GOAL_COLUMNS + " from training_goal where athlete_id = :athleteId "
                    + "order by target_date, id")
            .param("athleteId", athleteId)
            .query(TrainingGoal.class)
            .list();
    }

    /**
     * Adds a goal to an athlete.
     * @param athleteId the athlete's id (must exist)
     * @param description what to achieve
     * @param targetDate by when
     * @return the new goal
     */
    @Transactional
    public TrainingGoal addGoal(long athleteId, String description, LocalDate targetDate) {
        TrainingGoal goal = this.jdbc
            .sql("insert into training_goal (athlete_id, description, target_date) "
                    + "values (:athleteId, :description, :targetDate) returning " + GOAL_COLUMNS)
            .param("athleteId", athleteId)
            .param("description", description)
            .param("targetDate", targetDate)
            .query(TrainingGoal.class)
            .single();
        audit("training_goal", goal.id(), "created");
        return goal;
    }

    /**
     * Marks a goal of an athlete as achieved.
     * @param athleteId the athlete's id
     * @param goalId the goal's id
     * @return the changed goal, or empty when the athlete has no such goal
     */
    @Transactional
    public Optional<TrainingGoal> markAchieved(long athleteId, long goalId) {
        Optional<TrainingGoal> goal = this.jdbc
            .sql("update training_goal set achieved = true where id = :goalId and athlete_id = :athleteId "
                    + "returning " + GOAL_COLUMNS)
            .param("goalId", goalId)
            .param("athleteId", athleteId)
            .query(TrainingGoal.class)
            .optional();
        goal.ifPresent((g) -> audit("training_goal", g.id(), "achieved"));
        return goal;
    }

    private void audit(String entity, long entityId, String action) {
        this.jdbc.sql("insert into audit_log (entity, entity_id, action) values (:entity, :entityId, :action)")
            .param("entity", entity)
            .param("entityId", entityId)
            .param("action", action)
            .update();
    }

}
