package dev.migrator.internal.sql;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import dev.migrator.MigrationFailedException;
import dev.migrator.internal.failure.MigrationFailure;

/**
 * Turns a driver exception into a {@link MigrationFailedException} that points at the
 * file line.
 */
final class StatementFailure {

    /**
     * pgjdbc's {@code "Batch entry {0} ..."}: the first number of the message is the
     * failing entry.
     */
    private static final Pattern FIRST_NUMBER = Pattern.compile("(\\d[\\d,.\\u00a0\\u202f' ]*)");

    private static final Pattern COPY_LINE = Pattern.compile("COPY [^,]+, line (\\d+)");

    private StatementFailure() {
    }

    /**
     * Builds the exception for statement {@code index} (0-based) of the script.
     * @param executed how many statements of the script had run before
     */
    static MigrationFailedException of(SqlScript script, int index, int executed, SQLException ex) {
        SqlStatement statement = script.statements().get(index);
        SQLException server = serverError(ex);
        String message = serverMessage(server);
        int errorLine = 0;
        if (server instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            ServerErrorMessage details = psql.getServerErrorMessage();
            errorLine = statement.lineAt(details.getPosition());
            if (errorLine == 0 && statement.copyData() != null && details.getWhere() != null) {
                Matcher m = COPY_LINE.matcher(details.getWhere());
                if (m.find()) {
                    errorLine = statement.copyData().fileLine(Integer.parseInt(m.group(1)));
                }
            }
        }
        return MigrationFailure.builder(script.name())
            .statement(index + 1, script.statements().size(), statement.line())
            .errorLine(errorLine)
            .serverError(server.getSQLState(), message)
            .excerpt(statement.excerpt())
            .statementsExecuted(executed)
            .transactional(script.transactional())
            .cause(ex)
            .build();
    }

    /**
     * A failure that no single statement can be blamed for (e.g. the connection broke
     * during a batch).
     */
    static MigrationFailedException ofBatch(SqlScript script, int first, int last, int executed, SQLException ex) {
        SqlStatement from = script.statements().get(first);
        SqlStatement to = script.statements().get(last);
        SQLException server = serverError(ex);
        return MigrationFailure.builder(script.name())
            .serverError(server.getSQLState(),
                    serverMessage(server) + " (in one of statements " + (first + 1) + " to " + (last + 1) + ", lines "
                            + from.line() + " to " + to.line() + ")")
            .statementsExecuted(executed)
            .transactional(script.transactional())
            .cause(ex)
            .build();
    }

    /**
     * Finds the 0-based entry of a failed batch of the {@code batch} statements (their
     * SQL text). pgjdbc reports it only in the message
     * ({@code "Batch entry 5 <sql> was aborted: ..."}, localized): outside autocommit
     * every update count is {@link Statement#EXECUTE_FAILED}. The number is cross-checked
     * against the statement text that pgjdbc puts in the message (setting
     * {@code logServerErrorDetail}). Returns {@code -1} when it cannot be told.
     */
    static int failedEntry(BatchUpdateException ex, List<String> batch) {
        long[] counts = ex.getLargeUpdateCounts();
        if (counts != null && counts.length > 0 && counts[0] != Statement.EXECUTE_FAILED) {
            for (int i = 0; i < counts.length && i < batch.size(); i++) {
                if (counts[i] == Statement.EXECUTE_FAILED) {
                    return i;
                }
            }
        }
        String message = String.valueOf(ex.getMessage());
        int parsed = -1;
        Matcher m = FIRST_NUMBER.matcher(message);
        if (m.find()) {
            String digits = m.group(1).replaceAll("\\D", "");
            if (digits.length() < 10) {
                parsed = Integer.parseInt(digits);
            }
        }
        boolean parsedValid = parsed >= 0 && parsed < batch.size();
        if (parsedValid && message.contains(batch.get(parsed))) {
            return parsed;
        }
        int found = -1;
        for (int i = 0; i < batch.size(); i++) {
            if (message.contains(batch.get(i))) {
                if (found >= 0) {
                    found = -2;
                    break;
                }
                found = i;
            }
        }
        if (found >= 0) {
            return found;
        }
        return parsedValid ? parsed : -1;
    }

    /**
     * The exception that carries the server's error (pgjdbc chains it behind a
     * BatchUpdateException).
     */
    static SQLException serverError(SQLException ex) {
        if (ex instanceof BatchUpdateException) {
            if (ex.getNextException() != null) {
                return ex.getNextException();
            }
            if (ex.getCause() instanceof SQLException cause) {
                return cause;
            }
        }
        return ex;
    }

    private static String serverMessage(SQLException ex) {
        if (ex instanceof PSQLException psql && psql.getServerErrorMessage() != null
                && psql.getServerErrorMessage().getMessage() != null) {
            return psql.getServerErrorMessage().getMessage();
        }
        return String.valueOf(ex.getMessage());
    }

}
