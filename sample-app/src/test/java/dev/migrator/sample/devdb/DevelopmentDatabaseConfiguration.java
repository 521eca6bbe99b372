package dev.migrator.sample.devdb;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The database of a development run ({@code mvn -pl sample-app -am spring-boot:run}): the
 * configured PostgreSQL when it answers, otherwise one the run starts and stops (see
 * {@link DevelopmentDatabases}). The data source connects through the
 * {@link JdbcConnectionDetails} defined here, so nothing else needs configuring.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DevelopmentDatabaseConfiguration {

    /**
     * The property that, set to {@code false}, keeps a development run from starting
     * PostgreSQL in a Docker container even when a Docker engine answers (the embedded
     * PostgreSQL is used instead). Default {@code true}.
     */
    public static final String USE_DOCKER = "sample.dev-database.use-docker";

    /**
     * The database the run uses, stopped with the application when the run started it.
     * @param properties the configured data source
     * @param useDocker the value of {@value #USE_DOCKER}
     * @return the database
     */
    @Bean(destroyMethod = "close")
    DevelopmentDatabase developmentDatabase(DataSourceProperties properties,
            @Value("${" + USE_DOCKER + ":true}") boolean useDocker) {
        ConfiguredDatabase configured = new ConfiguredDatabase(properties.determineUrl(),
                properties.determineUsername(), properties.determinePassword());
        return DevelopmentDatabases.useOrStart(configured, useDocker);
    }

    /**
     * Points the data source at the development database.
     * @param database the database the run uses
     * @return its connection details
     */
    @Bean
    JdbcConnectionDetails developmentDatabaseConnectionDetails(DevelopmentDatabase database) {
        return new DevelopmentDatabaseConnectionDetails(database);
    }

    /**
     * The connection details of a {@link DevelopmentDatabase}.
     *
     * @param database the database
     */
    record DevelopmentDatabaseConnectionDetails(DevelopmentDatabase database) implements JdbcConnectionDetails {

        @Override
        public String getJdbcUrl() {
            return this.database.jdbcUrl();
        }

        @Override
        public String getUsername() {
            return this.database.username();
        }

        @Override
        public String getPassword() {
            return this.database.password();
        }
    }

}
