package dev.migrator.internal.sql;

import java.util.List;

/**
 * The tricky scripts every splitter change is checked against (split result and real
 * execution).
 */
final class ScriptCases {

    private ScriptCases() {
    }

    static List<ScriptCase> all() {
        return List.of(
                new ScriptCase("last statement without semicolon or final newline",
                        "create table t (id int);\ninsert into t values (1)",
                        List.of("1|create table t (id int)", "2|insert into t values (1)"), "select id from t", "1"),
                new ScriptCase("single quotes with '' escapes, ; -- and /* inside",
                        "create table t (v text);\ninsert into t values ('it''s; -- not /* a comment');\n",
                        List.of("1|create table t (v text)", "2|insert into t values ('it''s; -- not /* a comment')"),
                        "select v from t", "it's; -- not /* a comment"),
                new ScriptCase("E-string with backslash escapes",
                        "create table t (v text);\ninsert into t values (E'a\\\\;b\\'c;');\n",
                        List.of("1|create table t (v text)", "2|insert into t values (E'a\\\\;b\\'c;')"),
                        "select v from t", "a\\;b'c;"),
                new ScriptCase("U& string and U& identifier",
                        "create table U&\"t\\0061\" (v text);\ninsert into ta values (U&'d\\0061t\\0061;');",
                        List.of("1|create table U&\"t\\0061\" (v text)",
                                "2|insert into ta values (U&'d\\0061t\\0061;')"),
                        "select v from ta", "data;"),
                new ScriptCase("dollar-quoted function with '...;...' and -- ; inside, nested tags", """
                        create function f() returns text language plpgsql as $body$
                        declare
                          s text := 'a;b'; -- ; not an end
                        begin
                          perform length($q$select 1; $$ not closing $$ $q$);
                          return s || $x$;$x$;
                        end
                        $body$;
                        create table t as select f() as v;
                        """, List.of("1|create function f() returns text language plpgsql as $body$\ndeclare\n"
                        + "  s text := 'a;b'; -- ; not an end\nbegin\n"
                        + "  perform length($q$select 1; $$ not closing $$ $q$);\n  return s || $x$;$x$;\nend\n$body$",
                        "9|create table t as select f() as v"), "select v from t", "a;b;"),
                new ScriptCase("dollar tags are case-sensitive", "create table t as select $A$ $a$; $A$::text as v;",
                        List.of("1|create table t as select $A$ $a$; $A$::text as v"), "select v from t", " $a$; "),
                new ScriptCase("positional parameters and identifiers with $ are not dollar quotes", """
                        create table a$b (x int);
                        create function add1(int) returns int language sql as 'select $1 + 1';
                        prepare p(int) as insert into a$b values ($1);
                        execute p(add1(41));
                        """,
                        List.of("1|create table a$b (x int)",
                                "2|create function add1(int) returns int language sql as 'select $1 + 1'",
                                "3|prepare p(int) as insert into a$b values ($1)", "4|execute p(add1(41))"),
                        "select x from a$b", "42"),
                new ScriptCase("quoted identifiers with \"\" escapes and ;",
                        "create table \"we\"\"ird;name\" (\"c;\" int);\ninsert into \"we\"\"ird;name\" values (7);",
                        List.of("1|create table \"we\"\"ird;name\" (\"c;\" int)",
                                "2|insert into \"we\"\"ird;name\" values (7)"),
                        "select \"c;\" from \"we\"\"ird;name\"", "7"),
                new ScriptCase("line comments and nested block comments containing ;", """
                        -- leading comment; with semicolon
                        /* block; /* nested; */ still comment; */
                        create table t (id int); -- trailing; comment
                        /* between */ insert into t values (1) /* inline; */;
                        -- final comment;
                        """, List.of("3|create table t (id int)", "4|insert into t values (1) /* inline; */"),
                        "select id from t", "1"),
                new ScriptCase("empty statements are ignored",
                        ";;\ncreate table t (id int);;\n;\ninsert into t values (1);;;",
                        List.of("2|create table t (id int)", "4|insert into t values (1)"), "select count(*) from t",
                        "1"),
                new ScriptCase("BEGIN ATOMIC function with CASE ... END inside", """
                        create table t (n int);
                        create function sign_of(x int) returns text language sql
                        begin atomic
                          select case when x > 0 then 'pos' when x < 0 then 'neg' else 'zero' end;
                        end;
                        create function two(x int) returns int language sql
                        BEGIN ATOMIC
                          insert into t values (x);
                          select case x when 1 then case when true then 10 end else 20 end;
                        END;
                        select two(1);
                        """, List.of("1|create table t (n int)",
                        "2|create function sign_of(x int) returns text language sql\nbegin atomic\n"
                                + "  select case when x > 0 then 'pos' when x < 0 then 'neg' else 'zero' end;\nend",
                        "6|create function two(x int) returns int language sql\nBEGIN ATOMIC\n"
                                + "  insert into t values (x);\n"
                                + "  select case x when 1 then case when true then 10 end else 20 end;\nEND",
                        "11|select two(1)"),
                        "select sign_of(-3) || ',' || sign_of(0) || ',' || (select count(*) from t)", "neg,zero,1"),
                new ScriptCase("a column named begin does not open a block",
                        "create table t (begin int, \"end\" int);\ninsert into t values (1, 2);",
                        List.of("1|create table t (begin int, \"end\" int)", "2|insert into t values (1, 2)"),
                        "select begin + \"end\" from t", "3"),
                new ScriptCase("COPY FROM STDIN with tabs, \\N nulls and backslashes",
                        "create table t (id int, name text, note text);\n" + "copy t (id, name, note) from stdin;\n"
                                + "1\tplain\t\\N\n" + "2\twith\\ttab\tback\\\\slash\n"
                                + "3\tsemi;colon\t-- not a comment\n" + "\\.\n"
                                + "insert into t values (4, 'after', null);\n",
                        List.of("1|create table t (id int, name text, note text)",
                                "2|copy t (id, name, note) from stdin", "7|insert into t values (4, 'after', null)"),
                        "select id || '|' || name || '|' || coalesce(note, 'NULL') from t order by id",
                        "1|plain|NULL,2|with\ttab|back\\slash,3|semi;colon|-- not a comment,4|after|NULL"),
                new ScriptCase("CSV COPY with header and quoted ; in a field, last in file",
                        "create table t (a int, b text);\ncopy t from stdin with (format csv, header true);\n"
                                + "a,b\n1,\"x;y\"\n\\.",
                        List.of("1|create table t (a int, b text)",
                                "2|copy t from stdin with (format csv, header true)"),
                        "select a || b from t", "1x;y"),
                new ScriptCase("psql-style file with BEGIN; ... COMMIT; runs as one transaction",
                        "BEGIN;\ncreate table t (id int);\ninsert into t values (1);\nCOMMIT;\n",
                        List.of("2|create table t (id int)", "3|insert into t values (1)"), "select id from t", "1"),
                new ScriptCase("START TRANSACTION ... END; pairs are dropped too",
                        "start transaction isolation level read committed;\ncreate table t (id int);\nend;\n"
                                + "begin work;\ninsert into t values (5);\ncommit work;",
                        List.of("2|create table t (id int)", "5|insert into t values (5)"), "select id from t", "5"),
                new ScriptCase("SAVEPOINT and ROLLBACK TO stay inside the migration's transaction",
                        "create table t (id int);\nsavepoint s;\ninsert into t values (1);\nrollback to savepoint s;\n"
                                + "insert into t values (2);\nrelease savepoint s;",
                        List.of("1|create table t (id int)", "2|savepoint s", "3|insert into t values (1)",
                                "4|rollback to savepoint s", "5|insert into t values (2)", "6|release savepoint s"),
                        "select id from t", "2"),
                new ScriptCase("CRLF line endings keep line numbers right",
                        "-- header\r\ncreate table t (v text);\r\n\r\ninsert into t values ('a;\r\nb');\r\n"
                                + "insert into t values ('c');\r\n",
                        List.of("2|create table t (v text)", "4|insert into t values ('a;\r\nb')",
                                "6|insert into t values ('c')"),
                        "select count(*) from t", "2"),
                new ScriptCase("UTF-8 identifiers, strings and comments",
                        "-- commentaire: café ☕ 😀;\ncreate table données (nom text);\n"
                                + "insert into données values ('Zoë; 😀 /* ok */');",
                        List.of("2|create table données (nom text)",
                                "3|insert into données values ('Zoë; 😀 /* ok */')"),
                        "select nom from données", "Zoë; 😀 /* ok */"),
                new ScriptCase("'/*' and '--' inside string literals",
                        "create table t (v text);\ninsert into t values ('/*'), ('--'), ('*/');",
                        List.of("1|create table t (v text)", "2|insert into t values ('/*'), ('--'), ('*/')"),
                        "select string_agg(v, ' ' order by v) from t", "*/ -- /*"),
                new ScriptCase("DO block", """
                        create table t (n int);
                        do $$
                        begin
                          for i in 1..3 loop
                            insert into t values (i); -- ;
                          end loop;
                        end
                        $$;
                        """,
                        List.of("1|create table t (n int)",
                                "2|do $$\nbegin\n  for i in 1..3 loop\n"
                                        + "    insert into t values (i); -- ;\n  end loop;\nend\n$$"),
                        "select sum(n) from t", "6"),
                new ScriptCase("trigger function maintaining updated_at, then CREATE TRIGGER", """
                        create table item (id int primary key, name text, updated_at timestamptz);
                        create function touch() returns trigger language plpgsql as $fn$
                        begin
                          new.updated_at := '2001-02-03 04:05:06+00';
                          return new;
                        end;
                        $fn$;
                        create trigger item_touch before insert or update on item
                          for each row execute function touch();
                        insert into item (id, name) values (1, 'a');
                        """,
                        List.of("1|create table item (id int primary key, name text, updated_at timestamptz)",
                                "2|create function touch() returns trigger language plpgsql as $fn$\nbegin\n"
                                        + "  new.updated_at := '2001-02-03 04:05:06+00';\n  return new;\nend;\n$fn$",
                                "8|create trigger item_touch before insert or update on item\n"
                                        + "  for each row execute function touch()",
                                "10|insert into item (id, name) values (1, 'a')"),
                        "select extract(year from updated_at at time zone 'UTC') from item", "2001"),
                new ScriptCase("CREATE TYPE AS ENUM then ALTER TYPE ADD VALUE stays transactional",
                        "create type mood as enum ('sad', 'ok');\nalter type mood add value 'happy';",
                        List.of("1|create type mood as enum ('sad', 'ok')", "2|alter type mood add value 'happy'"),
                        "select string_agg(enumlabel, ',' order by enumsortorder) from pg_enum "
                                + "where enumtypid = 'mood'::regtype",
                        "sad,ok,happy"),
                new ScriptCase("multi-action rule in parentheses",
                        """
                                create table t (id int);
                                create table log (id int);
                                create rule r as on insert to t do also (insert into log values (new.id); insert into log values (-new.id));
                                insert into t values (3);
                                """,
                        List.of("1|create table t (id int)", "2|create table log (id int)",
                                "3|create rule r as on insert to t do also (insert into log values (new.id); "
                                        + "insert into log values (-new.id))",
                                "4|insert into t values (3)"),
                        "select sum(id) from log", "0"),
                new ScriptCase("CONCURRENTLY in a comment, string or body does not make a file non-transactional", """
                        create table t (id int); -- create index concurrently later
                        create materialized view mv as select 1 as x;
                        create unique index on mv (x);
                        refresh materialized view concurrently mv;
                        create function f() returns text language sql as $$ select 'create index concurrently' $$;
                        """, List.of("1|create table t (id int)", "2|create materialized view mv as select 1 as x",
                        "3|create unique index on mv (x)", "4|refresh materialized view concurrently mv",
                        "5|create function f() returns text language sql as $$ select 'create index concurrently' $$"),
                        "select f()", "create index concurrently"),
                new ScriptCase("CREATE INDEX CONCURRENTLY makes the file non-transactional",
                        "create table t (id int);\n/* concurrently */ create index concurrently t_id on t (id);\n",
                        List.of("1|create table t (id int)", "2|create index concurrently t_id on t (id)"),
                        "select indexname from pg_indexes where tablename = 't'", "t_id"),
                new ScriptCase("directive transaction=false runs statement by statement",
                        "-- migrator:transaction=false\ncreate table t (id int);\nvacuum t;",
                        List.of("2|create table t (id int)", "3|vacuum t"), "select count(*) from t", "0"));
    }

}
