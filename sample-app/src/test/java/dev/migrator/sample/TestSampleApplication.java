package dev.migrator.sample;

import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;

/**
 * Runs the sample application against PostgreSQL in a container ({@code mvn -pl sample-app -am spring-boot:test-run};
 * needs a Docker engine). {@link ServiceConnection @ServiceConnection} points the data source at the container, so
 * nothing needs configuring.
 */
public class TestSampleApplication {

    /**
     * Starts the application with a PostgreSQL container.
     * @param args command-line arguments, passed on to the application
     */
    public static void main(String[] args) {
        SpringApplication.from(SampleApplication::main).with(Containers.class).run(args);
    }

    /** The containers the application uses. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Containers {

        /** PostgreSQL 17, started before the data source is created and stopped with the application. */
        @Bean
        @ServiceConnection
        PostgreSQLContainer postgres() {
            return new PostgreSQLContainer("postgres:17-alpine");
        }
    }
}
