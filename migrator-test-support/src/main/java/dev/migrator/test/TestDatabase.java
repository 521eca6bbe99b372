package dev.migrator.test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * JUnit extension that gives a test class its own freshly created PostgreSQL database,
 * dropped after the class. <pre>
 * &#64;RegisterExtension
 * static final TestDatabase db = new TestDatabase();
 * </pre> The server comes from {@link PostgresServer}: a real PostgreSQL, never a
 * stand-in.
 */
public final class TestDatabase implements BeforeAllCallback, AfterAllCallback {

    private JdbcUrl url;

    private PGSimpleDataSource dataSource;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        create(context.getRequiredTestClass().getSimpleName());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        drop();
    }

    /**
     * Creates the database (for use outside JUnit's lifecycle, e.g. a benchmark); returns
     * this.
     */
    public TestDatabase create(String purpose) throws SQLException {
        PostgresServer server = PostgresServer.get();
        String slug = purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40);
        }
        String name = "mt_" + slug + "_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection admin = server.adminConnection(); Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE \"" + name + "\"");
        }
        this.url = server.adminUrl().withDatabase(name);
        this.dataSource = new PGSimpleDataSource();
        this.dataSource.setURL(this.url.toString());
        return this;
    }

    /** Drops the database, ending any connection still open to it. */
    public void drop() throws SQLException {
        if (this.url == null) {
            return;
        }
        try (Connection admin = PostgresServer.get().adminConnection(); Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS \"" + this.url.database() + "\" WITH (FORCE)");
        }
        this.url = null;
        this.dataSource = null;
    }

    /**
     * A data source for the fresh database (a new physical connection per
     * {@code getConnection()}).
     */
    public DataSource dataSource() {
        return require(this.dataSource);
    }

    /**
     * The JDBC URL of the fresh database, including credentials (for Spring's
     * {@code spring.datasource.url}).
     */
    public String jdbcUrl() {
        return require(this.url).toString();
    }

    /** The JDBC URL without query parameters. */
    public String jdbcUrlWithoutCredentials() {
        return require(this.url).withoutParameters();
    }

    /** The user name the tests connect as. */
    public String user() {
        String user = require(this.url).parameter("user");
        return (user != null) ? user : System.getProperty("user.name");
    }

    /** The password, or {@code null} when the server needs none. */
    public String password() {
        return require(this.url).parameter("password");
    }

    /** The database name. */
    public String name() {
        return require(this.url).database();
    }

    /** Opens a new connection to the fresh database. */
    public Connection connection() throws SQLException {
        return dataSource().getConnection();
    }

    /** Runs SQL on a new auto-commit connection. */
    public void execute(String sql) {
        try (Connection c = connection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Failed: " + sql + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Runs a query and returns the first column of every row as strings ({@code null}
     * stays {@code null}).
     */
    public List<String> column(String sql) {
        try (Connection c = connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Failed: " + sql + ": " + ex.getMessage(), ex);
        }
    }

    /** Runs a query that returns a single value. */
    public String value(String sql) {
        List<String> values = column(sql);
        if (values.size() != 1) {
            throw new IllegalStateException("Expected one row from " + sql + " but got " + values.size());
        }
        return values.get(0);
    }

    /**
     * Empties the database for the next test of the same class: drops every user schema
     * (and what is in it) and recreates an empty {@code public} schema.
     */
    public void reset() {
        for (String schema : column("select nspname from pg_namespace where nspname not like 'pg\\_%' "
                + "and nspname <> 'information_schema'")) {
            execute("drop schema \"" + schema.replace("\"", "\"\"") + "\" cascade");
        }
        execute("create schema public");
    }

    /** Whether a table (in any schema on the search path, or qualified) exists. */
    public boolean tableExists(String name) {
        return value("select to_regclass('" + name.replace("'", "''") + "') is not null").equals("t");
    }

    private static <T> T require(T value) {
        if (value == null) {
            throw new IllegalStateException("The test database is not created yet (register TestDatabase with "
                    + "@RegisterExtension on a static field)");
        }
        return value;
    }

}
