package dev.migrator.app;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.management.JMException;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code migrations} endpoint over JMX: its read operations answer what HTTP answers;
 * its write operation is never on the MBean, even with {@code access=unrestricted} and
 * the write operation available over HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=migrations",
                "management.endpoints.web.exposure.include=migrations",
                "management.endpoint.migrations.access=unrestricted" })
class MigrationsEndpointJmxTests {

    private static final String MBEAN = "org.springframework.boot:type=Endpoint,name=Migrations";

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", db::jdbcUrl);
    }

    @LocalServerPort
    int port;

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @Test
    void mbeanHasTheReadOperationsOnly() throws JMException {
        MBeanOperationInfo[] operations = this.server.getMBeanInfo(migrationsMBean()).getOperations();
        assertThat(operations).extracting(MBeanOperationInfo::getName)
            .containsExactlyInAnyOrder("migrations", "migration");
        assertThat(operations).extracting(MBeanOperationInfo::getImpact).containsOnly(MBeanOperationInfo.INFO);
    }

    @Test
    void writeOperationIsAvailableOverHttpButNotOverJmx() throws JMException {
        Http.Response validate = new Http(this.port).post("/actuator/migrations", "{\"command\": \"validate\"}");
        assertThat(validate.status()).isEqualTo(200);
        assertThat(Arrays.stream(this.server.getMBeanInfo(migrationsMBean()).getOperations())
            .map(MBeanOperationInfo::getName)).doesNotContain("run");
    }

    @Test
    void migrationsOperationAnswersWhatHttpAnswers() throws JMException {
        Map<?, ?> status = (Map<?, ?>) this.server.invoke(migrationsMBean(), "migrations", new Object[0],
                new String[0]);
        assertThat(status.keySet()).map(String::valueOf)
            .containsExactlyInAnyOrder("database", "schema", "table", "currentVersion", "appliedMigrations",
                    "pendingMigrations", "failedMigrations", "lastMigration", "lastRun", "migrations");
        assertThat(status.get("currentVersion")).isEqualTo("002");
        assertThat(status.get("appliedMigrations")).isEqualTo(2);
        assertThat(((Map<?, ?>) status.get("database")).get("url")).isEqualTo(db.jdbcUrlWithoutCredentials());
        assertThat(((Map<?, ?>) status.get("lastRun")).get("outcome")).isEqualTo("success");
        Map<?, ?> first = (Map<?, ?>) ((List<?>) status.get("migrations")).get(0);
        assertThat(first.get("version")).isEqualTo("001");
        assertThat(first.get("state")).isEqualTo("applied");
    }

    @Test
    void migrationOperationAnswersOneMigrationWithItsHistory() throws JMException {
        Map<?, ?> detail = (Map<?, ?>) this.server.invoke(migrationsMBean(), "migration", new Object[] { "1" },
                new String[] { String.class.getName() });
        assertThat(((Map<?, ?>) detail.get("migration")).get("version")).isEqualTo("001");
        List<?> history = (List<?>) detail.get("history");
        assertThat(history).hasSize(1);
        assertThat(((Map<?, ?>) history.get(0)).get("status")).isEqualTo("completed");
    }

    @Test
    void migrationOperationAnswersNullForAnUnknownVersion() throws JMException {
        assertThat(this.server.invoke(migrationsMBean(), "migration", new Object[] { "999" },
                new String[] { String.class.getName() }))
            .isNull();
    }

    private ObjectName migrationsMBean() throws JMException {
        Set<ObjectName> names = this.server.queryNames(new ObjectName(MBEAN + ",*"), null);
        assertThat(names).as("MBeans named " + MBEAN).hasSize(1);
        return names.iterator().next();
    }

}
