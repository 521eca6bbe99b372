package dev.migrator.internal.resolve;

import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads and checksums many scripts on several threads before {@link MigrationAssembler} needs them, so that the
 * system calls of opening, reading and closing thousands of files run on every core.
 * <p>
 * Only the work is parallel, not its outcome: each file's checksum, or what reading it threw, is kept and handed to
 * the assembler, which takes the files in their (sorted) order as before. So the migrations, the problems and their
 * order are the same as when every file is read in turn on one thread. Helper threads are daemon threads that end
 * before {@link #compute} returns; the calling thread works too, and does all the work when no helper can start.
 */
final class ParallelChecksums {

    /** Fewer files than this are read on the calling thread alone: a thread costs more than it saves. */
    static final int MIN_FILES = 64;

    private static final AtomicInteger threads = new AtomicInteger();

    private final Map<LocatedScript, Object> outcomes;

    private ParallelChecksums(Map<LocatedScript, Object> outcomes) {
        this.outcomes = outcomes;
    }

    /**
     * Checksums the scripts (files whose name ends in {@code .sql}) among {@code files} on up to {@code threads}
     * threads, the caller's included.
     * @return the outcomes, or {@code null} when fewer than {@code minFiles} files or fewer than 2 threads make the
     *         parallel pass not worth it (the assembler then reads each file itself)
     */
    static ParallelChecksums compute(List<LocatedScript> files, int threads, int minFiles) {
        LocatedScript[] scripts = files.stream().filter((f) -> f.fileName().endsWith(ScriptName.SUFFIX))
                .toArray(LocatedScript[]::new);
        if (threads < 2 || scripts.length < Math.max(minFiles, 2)) {
            return null;
        }
        Object[] results = new Object[scripts.length];
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            ScriptText reader = new ScriptText(); // buffers, digest and decoder of this thread
            for (int i = next.getAndIncrement(); i < scripts.length; i = next.getAndIncrement()) {
                results[i] = outcome(scripts[i], reader);
            }
        };
        int helpers = Math.min(threads, scripts.length / Math.max(minFiles / 2, 1)) - 1;
        Thread[] started = new Thread[Math.max(helpers, 0)];
        for (int i = 0; i < started.length; i++) {
            started[i] = start(worker);
        }
        worker.run();
        for (Thread thread : started) {
            joinUninterruptibly(thread);
        }
        Map<LocatedScript, Object> outcomes = new IdentityHashMap<>(scripts.length * 2);
        for (int i = 0; i < scripts.length; i++) {
            outcomes.put(scripts[i], results[i]);
        }
        return new ParallelChecksums(outcomes);
    }

    /** The number of threads worth using: the processors the JVM may use. */
    static int availableThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static Object outcome(LocatedScript script, ScriptText reader) {
        try {
            return script.checksum(reader);
        }
        catch (IOException | RuntimeException | Error ex) {
            return new Failure(ex); // thrown again, in file order, when the assembler asks for it
        }
    }

    private static Thread start(Runnable worker) {
        try {
            Thread thread = new Thread(worker, "migrator-checksum-" + threads.incrementAndGet());
            thread.setDaemon(true);
            thread.start();
            return thread;
        }
        catch (OutOfMemoryError | RuntimeException ex) {
            return null; // no thread: the caller's worker does its share
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        if (thread == null) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            }
            catch (InterruptedException ex) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The checksum of a file, as {@link LocatedScript#checksum} computed it, or what it threw.
     * @throws IOException or {@link dev.migrator.InvalidMigrationException}: what reading the file threw
     */
    String checksum(LocatedScript file, ScriptText fallback) throws IOException {
        Object outcome = outcomes.get(file);
        if (outcome == null) {
            return file.checksum(fallback); // not a script by its name, or not seen here: read it now, as before
        }
        if (outcome instanceof Failure failure) {
            Throwable ex = failure.exception();
            if (ex instanceof IOException io) {
                throw io;
            }
            if (ex instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (Error) ex;
        }
        return (String) outcome;
    }

    private record Failure(Throwable exception) {
    }
}
