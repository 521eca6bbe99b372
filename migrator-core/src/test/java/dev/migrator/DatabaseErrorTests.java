package dev.migrator;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The generic wrapper of an unexpected {@link SQLException} names the command that was
 * running.
 */
class DatabaseErrorTests {

    @TempDir
    Path folder;

    @Test
    void errorWithoutSqlStateNamesTheCommandAndNoSqlState() {
        Migrator migrator = Migrator.configure()
            .dataSource(failing(new SQLException("pool is closed")))
            .locations("filesystem:" + this.folder)
            .load();
        Throwable thrown = catchThrowable(migrator::status);
        assertThat(thrown).isExactlyInstanceOf(MigratorException.class)
            .hasMessage("Database error during status: pool is closed");
    }

    @Test
    void errorWithSqlStateShowsIt() {
        Migrator migrator = Migrator.configure()
            .dataSource(failing(new SQLException("refused", "08001")))
            .locations("filesystem:" + this.folder)
            .load();
        Throwable thrown = catchThrowable(() -> migrator.history("1"));
        assertThat(thrown).hasMessage("Database error during history: refused (SQLSTATE 08001)");
    }

    private static DataSource failing(SQLException failure) {
        return (DataSource) Proxy.newProxyInstance(DatabaseErrorTests.class.getClassLoader(),
                new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        throw failure;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

}
