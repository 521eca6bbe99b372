package dev.migrator.internal.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.migrator.HistoryEntry;
import dev.migrator.MigrationType;
import dev.migrator.MigratorException;
import dev.migrator.internal.sql.SqlLiteral;

/**
 * The history table ({@code schema_migrations} by default): an append-only log of every attempt, rollback, baseline
 * and repair. This class creates it, checks its shape, reads it and appends to it; it never updates or deletes.
 * Schema and table names are checked identifiers and always quoted.
 */
public final class HistoryTable {

    /** Format version written into the table's comment; a higher one was created by a newer migrator. */
    static final int FORMAT_VERSION = 1;

    static final String COMMENT_PREFIX = "migrator history, format ";

    /** The columns, in order, with the types PostgreSQL reports through {@code format_type}. */
    static final Map<String, String> COLUMNS = columns();

    /**
     * The table's columns and comment; no row when there is no relation of that name. Looked up by its OID rather
     * than with {@code obj_description()} and a join on the names: a third of the server time (0.09 vs 0.23-0.35 ms
     * in pgbench), which counts on every start.
     */
    private static final String SHAPE_SQL = "select a.attname, format_type(a.atttypid, a.atttypmod), d.description "
            + "from (select to_regclass(format('%I.%I', ?::text, ?::text)) as oid) c "
            + "left join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped "
            + "left join pg_description d on d.objoid = c.oid and d.classoid = 'pg_class'::regclass "
            + "and d.objsubid = 0 "
            + "where c.oid is not null order by a.attnum";

    private final String schema;

    private final String table;

    private static final String INSERT_COLUMNS = "version, description, type, script, checksum, status, duration_ms, "
            + "error_message";

    private final String qualified;

    private final boolean seenMissing;

    /**
     * Creates the table's handle.
     * @param schema the (checked) schema
     * @param table the (checked) table name
     */
    public HistoryTable(String schema, String table) {
        this(schema, table, false);
    }

    /**
     * Creates the table's handle.
     * @param schema the (checked) schema
     * @param table the (checked) table name
     * @param seenMissing whether the table was missing when last looked at (a hint: {@link #readIfExists} then
     *        checks before it reads, instead of reading and falling back when the read fails)
     */
    public HistoryTable(String schema, String table, boolean seenMissing) {
        this.schema = schema;
        this.table = table;
        this.seenMissing = seenMissing;
        this.qualified = quote(schema) + "." + quote(table);
    }

    private static Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("id", "bigint");
        columns.put("version", "character varying(50)");
        columns.put("description", "character varying(200)");
        columns.put("type", "character varying(20)");
        columns.put("script", "character varying(1000)");
        columns.put("checksum", "character varying(64)");
        columns.put("status", "character varying(20)");
        columns.put("applied_by", "character varying(100)");
        columns.put("applied_at", "timestamp with time zone");
        columns.put("duration_ms", "integer");
        columns.put("error_message", "text");
        return java.util.Collections.unmodifiableMap(columns);
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** The schema. */
    public String schema() {
        return schema;
    }

    /** The table name. */
    public String table() {
        return table;
    }

    /** {@code "schema"."table"}. */
    public String qualifiedName() {
        return qualified;
    }

    /**
     * Whether the table exists, checking that an existing one is migrator's: one round trip.
     * @return {@code false} when there is no such table
     * @throws MigratorException when a table of that name has another shape or a newer format
     */
    public boolean exists(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(SHAPE_SQL)) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                return checkedShape(rs);
            }
        }
    }

    /**
     * Checks the table like {@link #exists} and reads its rows like {@link #read}: in one round trip when the
     * connection is in auto-commit mode and the table is there and readable (the common start-up with nothing to
     * do); otherwise, or when that combined query fails for any reason (no table yet, a foreign table of that name),
     * in the two separate steps, so the outcome and every error are the same as calling them one after the other.
     * When the table was {@code seenMissing}, the separate steps straight away (no query that fails: a first start
     * leaves no error in the server's log).
     * @return the rows in the order written, or {@code null} when the table does not exist
     * @throws MigratorException when a table of that name has another shape or a newer format
     */
    public List<HistoryEntry> readIfExists(Connection connection) throws SQLException {
        if (connection.getAutoCommit() && !seenMissing) {
            Map<String, String> found = new LinkedHashMap<>();
            String[] comment = new String[1];
            boolean exists = false;
            List<HistoryEntry> rows = null;
            try (PreparedStatement ps = connection.prepareStatement(SHAPE_SQL + ";\n" + readSql())) {
                ps.setString(1, schema);
                ps.setString(2, table);
                ps.execute();
                try (ResultSet rs = ps.getResultSet()) {
                    exists = shapeRows(rs, found, comment);
                }
                if (ps.getMoreResults()) {
                    try (ResultSet rs = ps.getResultSet()) {
                        rows = rows(rs);
                    }
                }
            }
            catch (SQLException ex) {
                // typically: no table yet, so the read failed. Take the separate steps below.
                rows = null;
            }
            if (exists && rows != null) {
                checkShape(found, comment[0]); // the same check, and the same error, as exists()
                return rows;
            }
        }
        return exists(connection) ? read(connection) : null;
    }

    private boolean checkedShape(ResultSet rs) throws SQLException {
        Map<String, String> found = new LinkedHashMap<>();
        String[] comment = new String[1];
        boolean exists = shapeRows(rs, found, comment);
        if (exists) {
            checkShape(found, comment[0]);
        }
        return exists;
    }

    private static boolean shapeRows(ResultSet rs, Map<String, String> found, String[] comment) throws SQLException {
        boolean exists = false;
        while (rs.next()) {
            exists = true;
            if (rs.getString(1) != null) {
                found.put(rs.getString(1), rs.getString(2));
            }
            comment[0] = rs.getString(3);
        }
        return exists;
    }

    private void checkShape(Map<String, String> found, String comment) {
        if (comment != null && comment.startsWith(COMMENT_PREFIX)) {
            String format = comment.substring(COMMENT_PREFIX.length()).trim();
            int version;
            try {
                version = Integer.parseInt(format);
            }
            catch (NumberFormatException ex) {
                version = Integer.MAX_VALUE;
            }
            if (version > FORMAT_VERSION) {
                throw new MigratorException("The history table " + qualified + " was created by a newer migrator "
                        + "(history format " + format + "; this version understands format " + FORMAT_VERSION
                        + "). Upgrade migrator in this application; never let an older migrator write to it.");
            }
        }
        boolean sameShape = found.keySet().equals(COLUMNS.keySet()) && COLUMNS.entrySet().stream()
                .allMatch((e) -> e.getValue().equals(found.get(e.getKey())));
        if (!sameShape) {
            String columns = found.entrySet().stream().map((e) -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "));
            throw new MigratorException("The table " + qualified + " exists but is not a migrator history table "
                    + "(columns found: " + (columns.isEmpty() ? "none" : columns) + "; expected: "
                    + String.join(", ", COLUMNS.keySet()) + "). Another tool (golang-migrate, dbmate, Rails, ...) may "
                    + "own it; migrator never writes to it. Choose another name with the 'table' setting "
                    + "(table), e.g. migrator_history.", dev.migrator.Setting.TABLE, null);
        }
    }

    /**
     * Creates the table (and, when asked, its schema) if it does not exist, and counts the relations that were in the
     * schema already (tables, partitioned tables, views, materialized views, foreign tables; the history table not
     * counted).
     * @param createSchema whether to create the schema too
     * @return how many such relations the schema holds besides the history table
     */
    public int create(Connection connection, boolean createSchema) throws SQLException {
        // one round trip and, in auto-commit mode, one transaction (one commit) for all of it; the count comes last,
        // in the same transaction, so it sees the new table and leaves it out by name
        String sql = (createSchema ? "create schema if not exists " + quote(schema) + ";\n" : "")
                + "create table if not exists " + qualified + " ("
                + "id bigserial primary key, "
                + "version varchar(50), "
                + "description varchar(200) not null, "
                + "type varchar(20) not null, "
                + "script varchar(1000) not null, "
                + "checksum varchar(64), "
                + "status varchar(20) not null, "
                + "applied_by varchar(100) not null default current_user, "
                + "applied_at timestamptz not null default now(), "
                + "duration_ms integer not null, "
                + "error_message text);\n"
                + "comment on table " + qualified + " is '" + COMMENT_PREFIX + FORMAT_VERSION + "';\n"
                + "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = "
                + SqlLiteral.text(schema) + " and c.relkind in ('r', 'p', 'v', 'm', 'f') and c.relname <> "
                + SqlLiteral.text(table);
        try (Statement st = connection.createStatement()) {
            boolean rows = st.execute(sql);
            while (!rows && st.getUpdateCount() != -1) {
                rows = st.getMoreResults();
            }
            if (!rows) {
                throw new IllegalStateException("Creating " + qualified + " returned no count of the relations in "
                        + "its schema; this is a bug in migrator: please report it");
            }
            try (ResultSet rs = st.getResultSet()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Whether the schema exists. */
    public boolean schemaExists(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("select 1 from pg_namespace where nspname = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Reads every row in the order written. */
    public List<HistoryEntry> read(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(readSql())) {
            return rows(rs);
        }
    }

    private String readSql() {
        return "select id, version, description, type, script, checksum, status, applied_by, applied_at, "
                + "duration_ms, error_message from " + qualified + " order by id";
    }

    private static List<HistoryEntry> rows(ResultSet rs) throws SQLException {
        List<HistoryEntry> entries = new ArrayList<>();
        while (rs.next()) {
            Timestamp appliedAt = rs.getTimestamp(9);
            entries.add(new HistoryEntry(rs.getLong(1), rs.getString(2), rs.getString(3),
                    MigrationType.fromId(rs.getString(4)), rs.getString(5), rs.getString(6),
                    "completed".equals(rs.getString(7)), rs.getString(8),
                    (appliedAt != null) ? appliedAt.toInstant() : null, rs.getInt(10), rs.getString(11)));
        }
        return entries;
    }

    /** Appends a row on the connection, in whatever transaction it is in. */
    public void append(Connection connection, NewRow row) throws SQLException {
        String sql = "insert into " + qualified + " (" + INSERT_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            setNullable(ps, 1, row.version());
            ps.setString(2, truncate(row.description(), 200));
            ps.setString(3, row.type().id());
            ps.setString(4, truncate(row.script(), 1000));
            setNullable(ps, 5, row.checksum());
            ps.setString(6, status(row));
            ps.setInt(7, (int) Math.min(Integer.MAX_VALUE, row.durationMs()));
            setNullable(ps, 8, row.errorMessage());
            ps.executeUpdate();
        }
    }

    /**
     * The statement that appends the row, with its values written as literals, to send inside a script's batch.
     * Its {@code duration_ms} is the row's {@link NewRow#durationMs()} plus the time the current transaction has run
     * so far on the server (the statement runs at the end of the migration's transaction, so this is the
     * migration's own time).
     */
    public String insertStatement(NewRow row) {
        return "insert into " + qualified + " (" + INSERT_COLUMNS + ") values (" + SqlLiteral.text(row.version())
                + ", " + SqlLiteral.text(truncate(row.description(), 200)) + ", " + SqlLiteral.text(row.type().id())
                + ", " + SqlLiteral.text(truncate(row.script(), 1000)) + ", " + SqlLiteral.text(row.checksum())
                + ", " + SqlLiteral.text(status(row)) + ", least(2147483647, "
                + Math.min(Integer.MAX_VALUE, row.durationMs())
                + " + round(extract(epoch from clock_timestamp() - transaction_timestamp()) * 1000))::int, "
                + SqlLiteral.text(row.errorMessage()) + ")";
    }

    private static String status(NewRow row) {
        return row.success() ? "completed" : "failed";
    }

    private static void setNullable(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        }
        else {
            ps.setString(index, value);
        }
    }

    private static String truncate(String value, int max) {
        return (value.length() <= max) ? value : value.substring(0, max - 3) + "...";
    }

    /**
     * A row to append.
     *
     * @param version the version as written, or {@code null}
     * @param description the description
     * @param type the row's type
     * @param script the script
     * @param checksum the checksum, or {@code null}
     * @param success completed or failed
     * @param durationMs how long it took
     * @param errorMessage the error or audit note, or {@code null}
     */
    public record NewRow(String version, String description, MigrationType type, String script, String checksum,
            boolean success, long durationMs, String errorMessage) {
    }
}
