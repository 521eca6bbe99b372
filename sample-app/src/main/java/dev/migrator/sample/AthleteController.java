package dev.migrator.sample;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The REST API:
 * <ul>
 * <li>{@code GET /athletes}: every athlete with a summary of their goals;</li>
 * <li>{@code POST /athletes} {@code {"name": ..., "sport": ...}}: adds an athlete
 * (201);</li>
 * <li>{@code GET /athletes/{id}}: one athlete (404 when unknown);</li>
 * <li>{@code GET /athletes/{id}/goals}: the athlete's goals;</li>
 * <li>{@code POST /athletes/{id}/goals} {@code {"description": ..., "targetDate":
 * "2026-06-01"}}: adds a goal (201);</li>
 * <li>{@code POST /athletes/{id}/goals/{goalId}/achieved}: marks a goal as achieved.</li>
 * </ul>
 */
@RestController
@RequestMapping("/athletes")
public class AthleteController {

    private final AthleteRepository athletes;

    /**
     * Creates the controller.
     * @param athletes where athletes are stored
     */
    public AthleteController(AthleteRepository athletes) {
        this.athletes = athletes;
    }

    /**
     * Lists every athlete with a summary of their goals.
     * @return the athletes by name
     */
    @GetMapping
    public List<AthleteProgress> list() {
        return this.athletes.progress();
    }

    /**
     * Adds an athlete.
     * @param request the name and sport, both required
     * @return 201 with the new athlete
     */
    @PostMapping
    public ResponseEntity<Athlete> create(@RequestBody NewAthlete request) {
        Athlete athlete = this.athletes.create(required("name", request.name()), required("sport", request.sport()));
        return ResponseEntity.created(URI.create("/athletes/" + athlete.id())).body(athlete);
    }

    /**
     * One athlete.
     * @param id the athlete's id
     * @return the athlete
     */
    @GetMapping("/{id}")
    public Athlete get(@PathVariable long id) {
        return this.athletes.find(id).orElseThrow(() -> notFound("athlete " + id));
    }

    /**
     * The goals of an athlete.
     * @param id the athlete's id
     * @return the goals by target date
     */
    @GetMapping("/{id}/goals")
    public List<TrainingGoal> goals(@PathVariable long id) {
        requireAthlete(id);
        return this.athletes.goals(id);
    }

    /**
     * Adds a goal to an athlete.
     * @param id the athlete's id
     * @param request the description and target date, both required
     * @return 201 with the new goal
     */
    @PostMapping("/{id}/goals")
    public ResponseEntity<TrainingGoal> addGoal(@PathVariable long id, @RequestBody NewGoal request) {
        requireAthlete(id);
        if (request.targetDate() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "targetDate is required");
        }
        TrainingGoal goal = this.athletes.addGoal(id, required("description", request.description()),
                request.targetDate());
        return ResponseEntity.created(URI.create("/athletes/" + id + "/goals")).body(goal);
    }

    /**
     * Marks a goal as achieved.
     * @param id the athlete's id
     * @param goalId the goal's id
     * @return the changed goal
     */
    @PostMapping("/{id}/goals/{goalId}/achieved")
    public TrainingGoal achieved(@PathVariable long id, @PathVariable long goalId) {
        return this.athletes.markAchieved(id, goalId)
            .orElseThrow(() -> notFound("goal " + goalId + " of athlete " + id));
    }

    private void requireAthlete(long id) {
        if (this.athletes.find(id).isEmpty()) {
            throw notFound("athlete " + id);
        }
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, field + " is required");
        }
        return value.strip();
    }

    private static ResponseStatusException notFound(String what) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No " + what);
    }

    /**
     * The body of {@code POST /athletes}.
     *
     * @param name the athlete's name
     * @param sport the sport they train for
     */
    public record NewAthlete(String name, String sport) {
    }

    /**
     * The body of {@code POST /athletes/{id}/goals}.
     *
     * @param description what to achieve
     * @param targetDate by when
     */
    public record NewGoal(String description, LocalDate targetDate) {
    }

}
