package dev.migrator.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sample application: a small REST service for athletes and their training goals
 * whose PostgreSQL schema is migrated by migrator while the application starts.
 * <p>
 * Run normally it serves HTTP on port 8080 ({@code /athletes}, {@code /actuator/...}).
 * With the {@value MigrateOnly#PROFILE} profile it starts without a web server, migrates,
 * and exits with the code that {@link MigrateOnly} reports (a Kubernetes Job uses that
 * mode).
 */
@SpringBootApplication
public class SampleApplication {

    /**
     * Starts the application.
     * @param args command-line arguments, e.g.
     * {@code --spring.profiles.active=migrate-only}
     */
    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class, args);
        if (MigrateOnly.isActive(context.getEnvironment())) {
            System.exit(SpringApplication.exit(context));
        }
    }

}
