package dev.migrator.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A finished {@link ChildMain} run in its own JVM, on this JVM's class path.
 *
 * @param exit the child's exit code
 * @param output what it printed (standard output and error), trimmed
 */
record ChildJvm(int exit, String output) {

    /**
     * Runs {@code ChildMain tool command url dir [--heap]} with {@code jvmArgs} and waits
     * for it.
     */
    static ChildJvm run(List<String> jvmArgs, Tool tool, String command, String url, Path dir, boolean heap)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ChildMain.class.getName());
        cmd.add(tool.name().toLowerCase());
        cmd.add(command);
        cmd.add(url);
        cmd.add(dir.toString());
        if (heap) {
            cmd.add("--heap");
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        int exit = p.waitFor();
        return new ChildJvm(exit, new String(out, StandardCharsets.UTF_8).trim());
    }

    /**
     * The output on one line, fit for a table cell; on failure, the part around the
     * exception.
     */
    String summary() {
        String out = this.output.replace('\n', ' ').replace('|', '/');
        if (this.exit != 0) {
            int i = out.indexOf("Exception");
            int from = Math.max(0, i - 60);
            return "exit " + this.exit + ": " + out.substring(from, Math.min(out.length(), from + 300));
        }
        return out;
    }
}
