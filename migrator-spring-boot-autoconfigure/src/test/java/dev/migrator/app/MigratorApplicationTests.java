package dev.migrator.app;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real web application with the starter's auto-configuration against real PostgreSQL:
 * migrations applied at start-up, visible through {@code /actuator/migrations}, readiness
 * and metrics over HTTP; write access refused by default; the password never shown or
 * logged.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "management.endpoints.web.exposure.include=health,migrations,metrics",
                "management.endpoint.health.probes.enabled=true", "management.endpoint.health.show-details=always",
                "test.read-greeting-on-startup=true" })
class MigratorApplicationTests {

    static final String PASSWORD = "Sup3r-Secret-Pa55";

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> db.jdbcUrl() + "&password=" + PASSWORD);
    }

    @LocalServerPort
    int port;

    @Autowired
    GreetingReader greetingReader;

    @Autowired
    ApplicationContext context;

    @Test
    void migrationsRunBeforeBeansThatUseTheDatabase() {
        assertThat(this.greetingReader.greeting()).isEqualTo("hello/en");
    }

    @Test
    void endpointShowsTheMigrations() {
        Http.Response response = new Http(this.port).get("/actuator/migrations");
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        List<String> fields = new ArrayList<>(body.propertyNames());
        assertThat(fields).containsExactlyInAnyOrder("database", "schema", "table", "currentVersion",
                "appliedMigrations", "pendingMigrations", "failedMigrations", "lastMigration", "lastRun", "migrations");
        assertThat(body.get("database").get("product").asString()).isEqualTo("PostgreSQL");
        assertThat(body.get("database").get("url").asString()).isEqualTo(db.jdbcUrlWithoutCredentials());
        assertThat(body.get("database").get("user").asString()).isEqualTo(db.user());
        assertThat(body.get("table").asString()).isEqualTo("schema_migrations");
        assertThat(body.get("currentVersion").asString()).isEqualTo("002");
        assertThat(body.get("appliedMigrations").asInt()).isEqualTo(2);
        assertThat(body.get("pendingMigrations").asInt()).isZero();
        assertThat(body.get("failedMigrations").asInt()).isZero();
        assertThat(body.get("lastMigration").get("version").asString()).isEqualTo("002");
        assertThat(body.get("lastMigration").get("appliedAt").asString()).endsWith("Z");
        JsonNode lastRun = body.get("lastRun");
        assertThat(lastRun.get("outcome").asString()).isEqualTo("success");
        assertThat(lastRun.get("applied").asInt()).isEqualTo(2);
        assertThat(lastRun.get("startedAt").asString()).endsWith("Z");
        assertThat(lastRun.get("error").isNull()).isTrue();
        JsonNode first = body.get("migrations").get(0);
        assertThat(new ArrayList<>(first.propertyNames())).containsExactlyInAnyOrder("version", "description", "type",
                "script", "checksum", "state", "appliedAt", "appliedBy", "durationMs", "error", "rollbackScript");
        assertThat(first.get("version").asString()).isEqualTo("001");
        assertThat(first.get("type").asString()).isEqualTo("versioned");
        assertThat(first.get("state").asString()).isEqualTo("applied");
        assertThat(first.get("appliedAt").asString()).endsWith("Z");
        assertThat(body.get("migrations").get(1).get("rollbackScript").isNull()).isFalse();
        assertThat(response.body()).doesNotContain(PASSWORD).doesNotContainIgnoringCase("password");
    }

    @Test
    void endpointShowsOneMigrationWithItsHistory() {
        Http http = new Http(this.port);
        Http.Response response = http.get("/actuator/migrations/1");
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("migration").get("version").asString()).isEqualTo("001");
        assertThat(body.get("history")).hasSize(1);
        assertThat(body.get("history").get(0).get("status").asString()).isEqualTo("completed");
        assertThat(http.get("/actuator/migrations/999").status()).isEqualTo(404);
    }

    @Test
    void readinessIncludesMigrationsAndLivenessDoesNot() {
        HealthEndpointGroups groups = this.context.getBean(HealthEndpointGroups.class);
        assertThat(groups.get("readiness").isMember("migrations")).isTrue();
        assertThat(groups.get("readiness").isMember("readinessState")).isTrue();
        assertThat(groups.get("readiness").isMember("db")).isFalse();
        assertThat(groups.get("liveness").isMember("migrations")).isFalse();
        Http http = new Http(this.port);
        Http.Response readiness = http.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
        assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
        JsonNode migrations = http.get("/actuator/health").json().get("components").get("migrations");
        assertThat(migrations.get("status").asString()).isEqualTo("UP");
        assertThat(migrations.get("details").get("currentVersion").asString()).isEqualTo("002");
    }

    @Test
    void metersAreExposed() {
        Http http = new Http(this.port);
        Http.Response timer = http.get("/actuator/metrics/migrator.migration?tag=type:versioned&tag=outcome:success");
        assertThat(timer.status()).isEqualTo(200);
        assertThat(measurement(timer.json(), "COUNT")).isEqualTo(2.0);
        assertThat(timer.json().get("description").asString()).isNotBlank();
        Http.Response run = http.get("/actuator/metrics/migrator.run?tag=command:migrate&tag=outcome:success");
        assertThat(measurement(run.json(), "COUNT")).isEqualTo(1.0);
        Http.Response gauge = http.get("/actuator/metrics/migrator.migrations?tag=state:applied");
        assertThat(measurement(gauge.json(), "VALUE")).isEqualTo(2.0);
        assertThat(http.get("/actuator/metrics/migrator.lock.wait").status()).isEqualTo(200);
    }

    @Test
    void writeOperationIsRefusedByDefault() {
        Http.Response response = new Http(this.port).post("/actuator/migrations", "{\"command\": \"rollback\"}");
        assertThat(response.status()).isEqualTo(405);
        assertThat(db.tableExists("greeting")).isTrue();
        assertThat(db.value("select count(*) from schema_migrations where type = 'rollback'")).isEqualTo("0");
    }

    @Test
    void passwordIsNeverLogged(CapturedOutput output) {
        assertThat(output.getAll()).contains("Started MigratorApplicationTests").doesNotContain(PASSWORD);
    }

    private static double measurement(JsonNode metric, String statistic) {
        for (JsonNode measurement : metric.get("measurements")) {
            if (measurement.get("statistic").asString().equals(statistic)) {
                return measurement.get("value").asDouble();
            }
        }
        throw new AssertionError("No " + statistic + " in " + metric);
    }

}
