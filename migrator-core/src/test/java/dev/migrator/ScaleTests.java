package dev.migrator;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.migrator.test.MigrationFiles;
import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

class ScaleTests {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @Test
    void thousandGeneratedMigrationsApplyAndASecondRunIsANoOp(@TempDir Path dir) {
        MigrationFiles files = new MigrationFiles(dir);
        for (int i = 1; i <= 1000; i++) {
            files.file(String.format("%04d_table_%d.sql", i, i), "create table t" + i + " (id bigserial primary key, "
                    + "name text, created_at timestamptz default now());\ninsert into t" + i + " (name) values ('x');");
        }
        Migrator migrator = Migrator.configure().dataSource(db.dataSource()).locations(files.location()).load();
        MigrateResult first = migrator.migrate();
        assertThat(first.applied()).hasSize(1000);
        assertThat(first.currentVersion()).hasToString("1000");
        MigrateResult second = migrator.migrate();
        assertThat(second.applied()).isEmpty();
        assertThat(db.value("select count(*) from schema_migrations where status = 'completed'")).isEqualTo("1000");
        assertThat(migrator.status().appliedCount()).isEqualTo(1000);
    }

}
