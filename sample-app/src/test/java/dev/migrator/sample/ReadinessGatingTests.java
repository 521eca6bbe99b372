package dev.migrator.sample;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import dev.migrator.Migrator;
import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes Job mode seen from the Deployment: with
 * {@code migrator.run-on-startup=false} the application starts on an unmigrated database,
 * stays alive but not ready while migrations are pending, and becomes ready once another
 * process (the Job) has migrated.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "migrator.run-on-startup=false", "migrator.health.cache-ttl=0s" })
class ReadinessGatingTests {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::user);
    }

    @LocalServerPort
    int port;

    @Test
    void notReadyWhileMigrationsArePendingThenReadyOnceTheJobMigrated() {
        RestClient http = RestClient.builder()
            .baseUrl("http://localhost:" + this.port)
            .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
            })
            .build();

        ResponseEntity<Map<String, Object>> readiness = get(http, "/actuator/health/readiness");
        assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(readiness.getBody()).containsEntry("status", "OUT_OF_SERVICE");
        assertThat(get(http, "/actuator/health/liveness").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get(http, "/actuator/migrations").getBody()).containsEntry("pendingMigrations", 6)
            .containsEntry("appliedMigrations", 0);
        assertThat(db.tableExists("athlete")).isFalse();

        // What the Job does: another process migrates the same database.
        Migrator.configure().dataSource(db.dataSource()).locations("classpath:db/migration").load().migrate();

        readiness = get(http, "/actuator/health/readiness");
        assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(readiness.getBody()).containsEntry("status", "UP");
        assertThat(http.get().uri("/athletes").retrieve().toEntity(String.class).getBody()).isEqualTo("[]");
    }

    private static ResponseEntity<Map<String, Object>> get(RestClient http, String path) {
        return http.get().uri(path).retrieve().toEntity(new ParameterizedTypeReference<>() {
        });
    }

}
