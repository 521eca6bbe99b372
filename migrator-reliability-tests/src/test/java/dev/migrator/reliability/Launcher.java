package dev.migrator.reliability;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.postgresql.ds.PGSimpleDataSource;

import dev.migrator.ExecutedMigration;
import dev.migrator.MigrateResult;
import dev.migrator.MigrationListener;
import dev.migrator.MigrationType;
import dev.migrator.MigrationVersion;
import dev.migrator.Migrator;

/**
 * A replica in its own JVM: {@code Launcher <jdbcUrl> <location> [<go-file>]}. Prints
 * {@code READY}, waits for the go-file to exist (so several replicas start migrating at
 * the same moment), prints {@code MIGRATING}, one {@code START <script>} /
 * {@code DONE <script>} line per migration, and {@code APPLIED <n>} at the end; exit code
 * 0 on success, 1 with the stack trace on failure.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(args[0]);
        dataSource.setApplicationName("migrator-replica-" + ProcessHandle.current().pid());
        Migrator migrator = Migrator.configure()
            .dataSource(dataSource)
            .locations(args[1])
            .lockWaitTimeout(Duration.ofMinutes(2))
            .listener(new Printer())
            .load();
        System.out.println("READY");
        System.out.flush();
        if (args.length > 2) {
            Path go = Path.of(args[2]);
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (!Files.exists(go)) {
                if (System.nanoTime() > deadline) {
                    System.out.println("NO GO SIGNAL");
                    System.exit(2);
                }
                Thread.sleep(2);
            }
        }
        try {
            System.out.println("MIGRATING");
            System.out.flush();
            MigrateResult result = migrator.migrate();
            System.out.println("APPLIED " + result.applied().size());
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out
                .println("PEAK_HEAP_MB " + (peak >> 20) + " MAX_HEAP_MB " + (Runtime.getRuntime().maxMemory() >> 20));
            System.out.flush();
            System.exit(0);
        }
        catch (RuntimeException ex) {
            ex.printStackTrace(System.out);
            System.out.flush();
            System.exit(1);
        }
    }

    private static final class Printer implements MigrationListener {

        @Override
        public void migrationStarted(MigrationType type, MigrationVersion version, String script) {
            System.out.println("START " + script);
            System.out.flush();
        }

        @Override
        public void migrationFinished(ExecutedMigration migration, Throwable failure) {
            System.out.println(((failure == null) ? "DONE " : "FAILED ") + migration.script());
            System.out.flush();
        }

    }

}
