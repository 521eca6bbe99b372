package dev.migrator.internal.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrator.MigratorException;
import dev.migrator.internal.sql.SqlLiteral;

/**
 * Upgrades a history table of an older format to this build's, in one transaction: it
 * locks the table against other upgraders (plain reads go on), reads the format again
 * (another run may have upgraded it meanwhile), runs the steps from that format on and
 * writes the new marker. Only commands that hold the migration lock call it.
 */
final class FormatUpgrader {

    private static final Logger logger = LoggerFactory.getLogger(FormatUpgrader.class);

    private static final String COMMENT_SQL = "select obj_description(to_regclass(format('%I.%I', ?::text, ?::text)), "
            + "'pg_class')";

    private FormatUpgrader() {
    }

    /**
     * Upgrades the table, in a transaction of its own when the connection is in
     * auto-commit mode, otherwise in the caller's.
     * @param seenFormat the format the table was seen in before (named in the error when
     * the upgrade fails early)
     * @throws MigratorException when a step fails; nothing of the upgrade is then left
     * behind
     */
    static void upgrade(Connection connection, HistoryTable table, HistoryFormat format, int seenFormat)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        if (autoCommit) {
            connection.setAutoCommit(false);
        }
        int from = seenFormat;
        try {
            try (Statement st = connection.createStatement()) {
                st.execute("lock table " + table.qualifiedName() + " in share row exclusive mode");
            }
            from = formatNow(connection, table);
            if (from < format.format()) {
                for (FormatUpgrade step : format.upgradesFrom(from)) {
                    try (Statement st = connection.createStatement()) {
                        st.execute(step.sqlFor(table.qualifiedName()));
                    }
                }
                try (Statement st = connection.createStatement()) {
                    st.execute("comment on table " + table.qualifiedName() + " is "
                            + SqlLiteral.text(format.marker().comment()));
                }
            }
            if (autoCommit) {
                connection.commit();
            }
        }
        catch (SQLException | RuntimeException ex) {
            if (autoCommit) {
                rollBack(connection, ex);
            }
            throw new MigratorException("Could not upgrade the history table " + table.qualifiedName()
                    + " from history format " + from + " to " + format.format() + ": " + ex.getMessage()
                    + ". Nothing of the upgrade was kept (it runs in one transaction). Fix the cause (e.g. grant this "
                    + "user the right to alter the table) and run migrate again.", ex);
        }
        finally {
            if (autoCommit) {
                connection.setAutoCommit(true);
            }
        }
        if (from < format.format()) {
            logger.info("Upgraded the history table {} from history format {} to {}", table.qualifiedName(), from,
                    format.format());
        }
    }

    /** The table's format as its comment says now (format 1 without a marker). */
    private static int formatNow(Connection connection, HistoryTable table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(COMMENT_SQL)) {
            ps.setString(1, table.schema());
            ps.setString(2, table.table());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String comment = rs.getString(1);
                if (!FormatMarker.isMarker(comment)) {
                    return FormatMarker.FIRST.format();
                }
                FormatMarker marker = FormatMarker.parse(comment);
                if (marker == null) {
                    throw new IllegalStateException("its format marker changed meanwhile to '" + comment + "'");
                }
                return marker.format();
            }
        }
    }

    private static void rollBack(Connection connection, Exception failure) {
        try {
            connection.rollback();
        }
        catch (SQLException ex) {
            failure.addSuppressed(ex);
        }
    }

}
