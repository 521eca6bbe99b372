package dev.migrator.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;

/**
 * The tiny main run in a child JVM:
 * {@code ChildMain <tool> <migrate|noop|validate|status> <jdbc url>
 *
<dir>
 * }. Used for the start-up workload (a whole JVM that migrates and exits) and the
 * {@code -Xmx128m} memory checks. Exits 0 on success, 1 with the stack trace on failure.
 */
public final class ChildMain {

    private ChildMain() {
    }

    public static void main(String[] args) throws Exception {
        Tool tool = Tool.parse(args[0]);
        String url = args[2];
        Path dir = Path.of(args[3]);
        switch (args[1]) {
            case "migrate" -> {
                int applied = tool.migrate(url, dir);
                System.out.println("applied " + applied);
            }
            case "noop" -> tool.noop(url, dir);
            case "validate" -> tool.validate(url, dir);
            case "status" -> tool.status(url, dir);
            default -> throw new IllegalArgumentException(args[1]);
        }
        if (args.length > 4 && args[4].equals("--heap")) {
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.println("max-heap-mb " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " peak-heap-pools-mb " + peak / (1024 * 1024));
        }
    }

}
