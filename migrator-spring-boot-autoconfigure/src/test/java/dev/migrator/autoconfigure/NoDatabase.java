package dev.migrator.autoconfigure;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A {@link DataSource} for tests that check bean wiring only: it points at a port where
 * no database listens, so a test that connects by mistake (a start-up migration that
 * should not run, a status read) fails instead of passing.
 */
final class NoDatabase {

    /** Where the data source points: a closed port on this machine. */
    static final String URL = "jdbc:postgresql://127.0.0.1:1/no_database";

    private NoDatabase() {
    }

    static DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(URL);
        dataSource.setConnectTimeout(2);
        return dataSource;
    }

}
