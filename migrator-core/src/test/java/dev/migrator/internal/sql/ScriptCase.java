package dev.migrator.internal.sql;

import java.util.List;

/**
 * One tricky script of the table-driven suite: what it must split into (each
 * {@code "LINE|SQL"}) and, after it ran on PostgreSQL, a query whose rows (as strings,
 * joined by {@code ,}) must equal {@code expected}.
 */
record ScriptCase(String name, String script, List<String> statements, String check, String expected) {

    @Override
    public String toString() {
        return this.name;
    }
}
