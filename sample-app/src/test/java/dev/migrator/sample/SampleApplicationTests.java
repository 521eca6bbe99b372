package dev.migrator.sample;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application started on a fresh database: it migrates while starting, its API works
 * on the migrated schema, and the Actuator endpoints report the result. Plain HTTP
 * against the random port, as a client would call it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SampleApplicationTests {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::user);
    }

    @LocalServerPort
    int port;

    RestClient http;

    @BeforeEach
    void client() {
        this.http = RestClient.builder()
            .baseUrl("http://localhost:" + this.port)
            .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
            })
            .build();
    }

    @Test
    void apiWorksOnTheMigratedSchema() {
        ResponseEntity<Map<String, Object>> created = post("/athletes",
                Map.of("name", "Ada Runner", "sport", "marathon"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> athlete = created.getBody();
        assertThat(athlete).containsEntry("name", "Ada Runner")
            .containsEntry("sport", "marathon")
            .containsEntry("preferences", Map.of());
        Number id = (Number) athlete.get("id");
        assertThat(created.getHeaders().getLocation()).hasPath("/athletes/" + id);

        ResponseEntity<Map<String, Object>> goal = post("/athletes/" + id + "/goals",
                Map.of("description", "Sub-3 marathon", "targetDate", "2027-04-18"));
        assertThat(goal.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(goal.getBody()).containsEntry("description", "Sub-3 marathon")
            .containsEntry("targetDate", "2027-04-18")
            .containsEntry("achieved", false);
        post("/athletes/" + id + "/goals", Map.of("description", "10 km under 40 min", "targetDate", "2026-12-31"));

        List<Map<String, Object>> goals = getList("/athletes/" + id + "/goals");
        assertThat(goals).extracting((g) -> g.get("description"))
            .containsExactly("10 km under 40 min", "Sub-3 marathon");

        Number goalId = (Number) goal.getBody().get("id");
        ResponseEntity<Map<String, Object>> achieved = post("/athletes/" + id + "/goals/" + goalId + "/achieved", null);
        assertThat(achieved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(achieved.getBody()).containsEntry("achieved", true);
        // The set_updated_at trigger (migration 004) moved updated_at on the UPDATE.
        assertThat((String) achieved.getBody().get("updatedAt")).isNotEqualTo(goal.getBody().get("updatedAt"));

        // The athlete_progress view (R__athlete_progress_view.sql) behind GET /athletes.
        assertThat(getList("/athletes")).singleElement()
            .satisfies((row) -> assertThat(row).containsEntry("athleteId", id.intValue())
                .containsEntry("name", "Ada Runner")
                .containsEntry("goals", 2)
                .containsEntry("achievedGoals", 1)
                .containsEntry("nextTargetDate", "2026-12-31"));

        // Every change wrote an audit row (migration 002).
        assertThat(db.column("select entity || ' ' || action from audit_log order by id")).containsExactly(
                "athlete created", "training_goal created", "training_goal created", "training_goal achieved");

        assertThat(get("/athletes/999999").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post("/athletes", Map.of("name", " ", "sport", "rowing")).getStatusCode())
            .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    @SuppressWarnings("unchecked")
    void migrationsEndpointShowsTheAppliedMigrations() {
        ResponseEntity<Map<String, Object>> response = get("/actuator/migrations");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> body = response.getBody();
        assertThat(body).containsEntry("currentVersion", "005")
            .containsEntry("pendingMigrations", 0)
            .containsEntry("failedMigrations", 0)
            .containsEntry("appliedMigrations", 6);
        List<Map<String, Object>> migrations = (List<Map<String, Object>>) body.get("migrations");
        assertThat(migrations).extracting((m) -> m.get("script"))
            .containsExactly("001_create_athletes.sql", "002_create_audit_log.sql", "003_add_athlete_preferences.sql",
                    "004_maintain_updated_at.sql", "005_index_training_goal_athlete.sql",
                    "R__athlete_progress_view.sql");
        assertThat(migrations).allSatisfy((m) -> assertThat(m).containsEntry("state", "applied"));
        assertThat((Map<String, Object>) body.get("lastRun")).containsEntry("outcome", "success")
            .containsEntry("applied", 6);
        assertThat(body.toString()).doesNotContain("password");
    }

    @Test
    void probesAreUpOnceMigrated() {
        ResponseEntity<Map<String, Object>> readiness = get("/actuator/health/readiness");
        assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(readiness.getBody()).containsEntry("status", "UP");

        ResponseEntity<Map<String, Object>> liveness = get("/actuator/health/liveness");
        assertThat(liveness.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(liveness.getBody()).containsEntry("status", "UP");
    }

    @Test
    @SuppressWarnings("unchecked")
    void healthShowsTheMigrationsIndicator() {
        ResponseEntity<Map<String, Object>> health = get("/actuator/health");
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> components = (Map<String, Object>) health.getBody().get("components");
        assertThat((Map<String, Object>) components.get("migrations")).containsEntry("status", "UP")
            .containsEntry("details", Map.of("currentVersion", "005", "pending", 0, "failed", 0));
    }

    @Test
    void prometheusShowsTheMigrationMeters() {
        ResponseEntity<String> response = this.http.get()
            .uri("/actuator/prometheus")
            .accept(MediaType.TEXT_PLAIN)
            .retrieve()
            .toEntity(String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).containsPattern("(?m)^migrator_migrations\\{[^}]*state=\"applied\"[^}]*} 6\\.0$")
            .containsPattern("(?m)^migrator_migrations\\{[^}]*state=\"pending\"[^}]*} 0\\.0$")
            .contains("migrator_run_seconds");
    }

    private ResponseEntity<Map<String, Object>> get(String path) {
        return this.http.get().uri(path).retrieve().toEntity(new ParameterizedTypeReference<>() {
        });
    }

    private List<Map<String, Object>> getList(String path) {
        ResponseEntity<List<Map<String, Object>>> response = this.http.get()
            .uri(path)
            .retrieve()
            .toEntity(new ParameterizedTypeReference<>() {
            });
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private ResponseEntity<Map<String, Object>> post(String path, Object body) {
        RestClient.RequestBodySpec request = this.http.post().uri(path).contentType(MediaType.APPLICATION_JSON);
        if (body != null) {
            request.body(body);
        }
        return request.retrieve().toEntity(new ParameterizedTypeReference<>() {
        });
    }

}
