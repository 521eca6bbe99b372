package dev.migrator.internal.sql;

/**
 * Writes values as PostgreSQL literals, for the few engine statements that travel inside
 * a script's batch (where a JDBC batch of plain statements cannot carry bind parameters).
 */
public final class SqlLiteral {

    private SqlLiteral() {
    }

    /**
     * The value as an escape string constant ({@code E'...'}), or {@code null} for
     * {@code NULL}. Backslashes and quotes are doubled, so the result means the same
     * whatever {@code standard_conforming_strings} is set to (a migration may change it
     * in the same transaction).
     * @throws IllegalArgumentException when the value holds a NUL character, which
     * PostgreSQL text cannot
     */
    public static String text(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(value.length() + 4).append("E'");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                throw new IllegalArgumentException("A text value for PostgreSQL cannot hold a NUL character");
            }
            if (c == '\'' || c == '\\') {
                sb.append(c);
            }
            sb.append(c);
        }
        return sb.append('\'').toString();
    }

}
