package dev.migrator.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Properties;

import org.flywaydb.core.Flyway;

/**
 * Measures migrator against Flyway and against raw JDBC (the physical limit) on the same
 * generated migrations, in one run, against a real PostgreSQL, and prints medians,
 * min-max and ratios, and whether each target is met. <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests &amp;&amp; java -jar benchmarks/target/benchmarks.jar [options]
 *   --workloads apply-10,apply-100,apply-1000,noop-100,noop-1000,noop-10000,big-1,startup,roundtrips,memory
 *   --runs 5 --noop-runs 25 --warmup 1 --tools raw,migrator,flyway --host 127.0.0.1 --port 5432 --user postgres --show-sql
 * </pre> Every timed run of {@code apply-N}, {@code big-1} and {@code startup} gets a
 * fresh database ({@code bench_*}, dropped right after); the contenders take turns within
 * each run so that drift in the machine's load hits them alike. {@code noop-N} runs
 * against a database per contender that the contender itself brought up to date once (a
 * no-op start changes nothing, so every run sees the same database). One class per
 * workload family ({@link ApplyWorkload}, {@link NoopWorkload}, {@link StartupWorkload},
 * {@link RoundTripsWorkload}, {@link MemoryWorkload}), sharing a {@link Session};
 * {@link Report} prints what they measured.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        if (options == null) {
            return;
        }
        Workspace ws = new Workspace(options.host(), options.port(), options.user());
        Session session = new Session(ws, options);
        String started = ZonedDateTime.now().toString();
        String loadBefore = load();
        try {
            for (String workload : options.workloads()) {
                run(session, workload);
            }
        }
        finally {
            session.cleanup();
        }
        System.out.println();
        System.out.println("## Results");
        System.out.println();
        System.out.println("started " + started + ", finished " + ZonedDateTime.now() + "; " + options.runs()
                + " timed runs (" + options.noopRuns() + " for noop-N rows) + " + options.warmup()
                + " warm-up per row; load average (1/5/15 min) before: " + loadBefore + ", after: " + load());
        System.out.println("Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name")
                + "), PostgreSQL " + ws.serverVersion() + ", Flyway " + flywayVersion() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs");
        System.out.println();
        new Report(session.results, options.tools()).print();
    }

    private static void run(Session session, String workload) throws Exception {
        System.err.printf(Locale.ROOT, "[%s] %s (load %s)%n", LocalTime.now().withNano(0), workload, load());
        if (workload.startsWith("apply-")) {
            int n = Integer.parseInt(workload.substring(6));
            new ApplyWorkload(session).run(workload, session.ws.small(n), n);
        }
        else if (workload.startsWith("noop-")) {
            new NoopWorkload(session).run(Integer.parseInt(workload.substring(5)));
        }
        else if (workload.equals("big-1")) {
            new ApplyWorkload(session).run(workload, session.ws.big(), 1);
        }
        else if (workload.equals("startup")) {
            new StartupWorkload(session).run(100);
        }
        else if (workload.equals("roundtrips")) {
            new RoundTripsWorkload(session).run();
        }
        else if (workload.equals("memory")) {
            new MemoryWorkload(session).run();
        }
        else {
            throw new IllegalArgumentException("unknown workload " + workload + " (" + Options.ALL + ")");
        }
    }

    /** The load average over 1, 5 and 15 minutes. */
    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        }
        catch (IOException ex) {
            return String.format(Locale.ROOT, "%.2f",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String flywayVersion() {
        try (InputStream in = Flyway.class
            .getResourceAsStream("/META-INF/maven/org.flywaydb/flyway-core/pom.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        }
        catch (Exception ex) {
            return "?";
        }
    }

}
