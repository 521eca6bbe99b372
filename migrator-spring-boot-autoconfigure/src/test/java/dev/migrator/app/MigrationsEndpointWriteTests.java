package dev.migrator.app;

import java.util.ArrayList;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /actuator/migrations} with
 * {@code management.endpoint.migrations.access=unrestricted}, on an application that does
 * not migrate at start-up (as when a Kubernetes Job migrates): readiness is out of
 * service until the migrate command runs.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "management.endpoints.web.exposure.include=health,migrations",
                "management.endpoint.migrations.access=unrestricted", "management.endpoint.health.probes.enabled=true",
                "management.endpoint.health.show-details=always",
                "management.endpoint.health.group.readiness.show-details=always", "migrator.run-on-startup=false",
                "migrator.health.cache-ttl=0s" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MigrationsEndpointWriteTests {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", db::jdbcUrl);
    }

    @LocalServerPort
    int port;

    @Test
    @Order(1)
    void pendingMigrationsMakeTheApplicationNotReady() {
        Http http = new Http(this.port);
        Http.Response readiness = http.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(503);
        assertThat(readiness.json().get("status").asString()).isEqualTo("OUT_OF_SERVICE");
        assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(http.get("/actuator/health").json().get("components").get("migrations").get("status").asString())
            .isEqualTo("OUT_OF_SERVICE");
        JsonNode status = http.get("/actuator/migrations").json();
        assertThat(status.get("pendingMigrations").asInt()).isEqualTo(2);
        assertThat(status.get("lastRun").get("outcome").asString()).isEqualTo("skipped");
        assertThat(status.get("migrations").get(0).get("state").asString()).isEqualTo("pending");
    }

    @Test
    @Order(2)
    void validateAndDryRunChangeNothing() {
        Http http = new Http(this.port);
        Http.Response validate = http.post("/actuator/migrations", "{\"command\": \"validate\"}");
        assertThat(validate.status()).isEqualTo(200);
        assertThat(validate.json().get("outcome").asString()).isEqualTo("success");
        Http.Response dryRun = http.post("/actuator/migrations", "{\"command\": \"dry-run\"}");
        assertThat(dryRun.status()).isEqualTo(200);
        assertThat(dryRun.json().get("migrations")).hasSize(2);
        assertThat(dryRun.json().get("migrations").get(0).get("outcome").asString()).isEqualTo("success");
        assertThat(db.tableExists("greeting")).isFalse();
    }

    @Test
    @Order(3)
    void migrateAppliesAndMakesTheApplicationReady() {
        Http http = new Http(this.port);
        Http.Response migrate = http.post("/actuator/migrations", "{\"command\": \"migrate\"}");
        assertThat(migrate.status()).isEqualTo(200);
        JsonNode body = migrate.json();
        assertThat(body.get("command").asString()).isEqualTo("migrate");
        assertThat(body.get("applied")).hasSize(2);
        assertThat(body.get("currentVersion").asString()).isEqualTo("002");
        assertThat(db.tableExists("greeting")).isTrue();
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void rollbackToATarget() {
        Http http = new Http(this.port);
        Http.Response rollback = http.post("/actuator/migrations", "{\"command\": \"rollback\", \"target\": \"001\"}");
        assertThat(rollback.status()).isEqualTo(200);
        assertThat(rollback.json().get("rolledBack")).hasSize(1);
        assertThat(rollback.json().get("currentVersion").asString()).isEqualTo("001");
        assertThat(http.get("/actuator/migrations").json().get("pendingMigrations").asInt()).isEqualTo(1);
        Http.Response repair = http.post("/actuator/migrations", "{\"command\": \"repair\"}");
        assertThat(repair.status()).isEqualTo(200);
        assertThat(repair.json().get("outcome").asString()).isEqualTo("success");
    }

    @Test
    @Order(5)
    void unknownCommandIsABadRequestListingTheAcceptedOnes() {
        Http.Response response = new Http(this.port).post("/actuator/migrations", "{\"command\": \"clean\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("command").asString()).isEqualTo("clean");
        assertThat(response.json().get("outcome").asString()).isEqualTo("failure");
        assertThat(response.body()).contains("migrate, validate, dry-run, repair, rollback");
    }

    @Test
    @Order(6)
    void failedCommandIsAServerErrorWithTheMessage() {
        Http.Response response = new Http(this.port).post("/actuator/migrations", "{\"command\": \"rollback\"}");
        assertThat(response.status()).isEqualTo(500);
        JsonNode body = response.json();
        assertThat(new ArrayList<>(body.propertyNames())).containsExactly("command", "outcome", "error");
        assertThat(body.get("command").asString()).isEqualTo("rollback");
        assertThat(body.get("outcome").asString()).isEqualTo("failure");
        assertThat(body.get("error").asString()).contains("001_create_greeting.sql").contains("has no rollback script");
        assertThat(db.tableExists("greeting")).isTrue();
    }

}
