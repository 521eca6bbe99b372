package dev.migrator.sample;

import org.springframework.boot.SpringApplication;

import dev.migrator.sample.devdb.DevelopmentDatabaseConfiguration;

/**
 * Runs the sample application for development:
 * {@code mvn -pl sample-app -am spring-boot:run} (and {@code spring-boot:test-run}) start
 * this class with the test class path.
 * <p>
 * When the configured PostgreSQL ({@code spring.datasource.url}, by default
 * {@code localhost:5432}) does not answer, the run starts a PostgreSQL of its own: in a
 * Docker container (Testcontainers) when a Docker engine answers, otherwise an embedded
 * one (zonky's binaries), and stops it when the application stops; the log says which
 * (see {@link DevelopmentDatabaseConfiguration}). Neither Testcontainers nor zonky is
 * part of the packaged application.
 */
public final class TestSampleApplication {

    private TestSampleApplication() {
    }

    /**
     * Starts the application with the development database.
     * @param args command-line arguments, passed on to the application
     */
    public static void main(String[] args) {
        SpringApplication.from(SampleApplication::main).with(DevelopmentDatabaseConfiguration.class).run(args);
    }

}
