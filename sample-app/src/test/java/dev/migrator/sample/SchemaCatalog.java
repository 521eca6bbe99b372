package dev.migrator.sample;

import java.util.ArrayList;
import java.util.List;

import dev.migrator.test.TestDatabase;

/**
 * A text dump of what the migrations create in schema {@code public}: tables, views and
 * sequences with their definitions, columns, constraints, indexes, functions, triggers
 * and types, one line each, sorted. The history table ({@code schema_migrations} and the
 * objects named after it) is left out: it is the engine's, not the application's. Two
 * dumps are equal when the schemas are the same, whatever the objects' OIDs.
 */
final class SchemaCatalog {

    private static final String HISTORY = "schema_migrations";

    private SchemaCatalog() {
    }

    static List<String> dump(TestDatabase db) {
        List<String> lines = new ArrayList<>();
        lines.addAll(db.column("""
                select 'relation ' || c.relname || ' kind=' || c.relkind::text
                       || coalesce(' view=' || pg_get_viewdef(c.oid), '')
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind in ('r', 'v', 'm', 'S', 'p', 'f')
                """));
        lines.addAll(db.column("""
                select 'column ' || table_name || '.' || column_name || ' ' || data_type
                       || ' null=' || is_nullable || ' default=' || coalesce(column_default, '-')
                       || ' identity=' || is_identity || ' position=' || ordinal_position
                from information_schema.columns where table_schema = 'public'
                """));
        lines.addAll(db.column("""
                select 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
                from pg_constraint where connamespace = 'public'::regnamespace
                """));
        lines.addAll(db.column("""
                select 'index ' || indexname || ' ' || indexdef from pg_indexes where schemaname = 'public'
                """));
        lines.addAll(db.column("""
                select 'function ' || p.oid::regprocedure || ' ' || pg_get_functiondef(p.oid)
                from pg_proc p where p.pronamespace = 'public'::regnamespace
                """));
        lines.addAll(db.column("""
                select 'trigger ' || tgname || ' ' || pg_get_triggerdef(oid)
                from pg_trigger where not tgisinternal
                and tgrelid in (select oid from pg_class where relnamespace = 'public'::regnamespace)
                """));
        lines.addAll(db.column("""
                select 'type ' || t.typname || ' ' || t.typtype::text
                from pg_type t
                where t.typnamespace = 'public'::regnamespace
                  and t.typrelid = 0 and t.typelem = 0
                """));
        lines.addAll(db.column("""
                select 'type ' || t.typname || ' ' || t.typtype::text || ' array'
                from pg_type t
                where t.typnamespace = 'public'::regnamespace and t.typelem <> 0
                  and not exists (select 1 from pg_class c where c.reltype = t.typelem)
                """));
        return lines.stream().filter((line) -> !line.split(" ")[1].startsWith(HISTORY)).sorted().toList();
    }

}
