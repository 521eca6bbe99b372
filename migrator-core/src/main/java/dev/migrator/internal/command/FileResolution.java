package dev.migrator.internal.command;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.migrator.internal.resolve.MigrationResolver;
import dev.migrator.internal.resolve.ResolvedMigration;

/**
 * The migration files of one run, resolved on a daemon thread of their own while the run connects to the database,
 * reads the schema and takes the lock (file side and database side overlap; neither waits for the other until the
 * command needs the files).
 * <p>
 * {@link #join()} hands out the files, or throws exactly what {@link MigrationResolver#resolve()} threw (the same
 * exception object: type, message, cause and suppressed exceptions unchanged), as if resolution had run on the
 * caller's thread at that point. The thread ends with the resolution; every command waits for it before returning
 * (see {@link #failure()}), so none outlives the command that started it. If no thread can be started, the files are
 * resolved on the caller's thread in {@link #join()}, as before.
 */
final class FileResolution {

    private static final AtomicInteger threads = new AtomicInteger();

    private final FutureTask<List<ResolvedMigration>> task;

    private final boolean background;

    private volatile boolean joined;

    private FileResolution(Supplier<List<ResolvedMigration>> resolution, boolean startThread) {
        this.task = new FutureTask<>(resolution::get);
        this.background = startThread && startThread(task);
    }

    /** Starts resolving the files on a daemon thread. */
    static FileResolution start(MigrationResolver resolver) {
        return start(resolver::resolve);
    }

    /** Starts a resolution on a daemon thread. */
    static FileResolution start(Supplier<List<ResolvedMigration>> resolution) {
        return new FileResolution(resolution, true);
    }

    /** Resolves on the caller's thread when the files are asked for (no thread), as before. */
    static FileResolution sequential(Supplier<List<ResolvedMigration>> resolution) {
        return new FileResolution(resolution, false);
    }

    /** How many resolution threads were started in this JVM (for tests). */
    static int threadsStarted() {
        return threads.get();
    }

    private static boolean startThread(Runnable task) {
        try {
            Thread thread = new Thread(task, "migrator-resolve-" + threads.incrementAndGet());
            thread.setDaemon(true);
            thread.start();
            return true;
        }
        catch (OutOfMemoryError | RuntimeException ex) {
            // "unable to create native thread" and the like: resolve on the caller's thread instead
            return false;
        }
    }

    /**
     * The resolved files, waiting for them if needed.
     * @throws RuntimeException or {@link Error}: exactly what resolution threw
     */
    List<ResolvedMigration> join() {
        joined = true;
        try {
            return await();
        }
        catch (ExecutionException ex) {
            throw rethrow(ex.getCause());
        }
    }

    /**
     * Runs a read-only step that a command does right after getting its files (reading the history table) while the
     * files are still being resolved, then joins them. Failures come in the order of a run that resolved first: a
     * resolution failure is thrown (with the step's failure, if any, suppressed), otherwise the step's failure.
     * @return the step's result; the files are then available from {@link #join()} without waiting
     */
    <T> T beforeJoin(SqlStep<T> step) throws SQLException {
        T result;
        try {
            result = step.run();
        }
        catch (SQLException | RuntimeException | Error ex) {
            joined = true;
            Throwable failure = failure();
            if (failure != null) {
                failure.addSuppressed(ex);
                throw rethrow(failure);
            }
            throw ex;
        }
        join();
        return result;
    }

    /** Database work done while the files are being resolved. */
    @FunctionalInterface
    interface SqlStep<T> {

        T run() throws SQLException;
    }

    /** Whether the command asked for the files (and so got them or their failure). */
    boolean joined() {
        return joined;
    }

    /**
     * Waits for the resolution and returns what it threw, {@code null} when it succeeded. Used when the command failed
     * before it needed the files, to report both failures; afterwards no resolution thread runs any more.
     */
    Throwable failure() {
        try {
            await();
            return null;
        }
        catch (ExecutionException ex) {
            return ex.getCause();
        }
    }

    /** The task's outcome, waiting without giving up on interrupts (resolution itself is not interruptible). */
    private List<ResolvedMigration> await() throws ExecutionException {
        if (!background) {
            task.run(); // a no-op when it already ran
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                }
                catch (InterruptedException ex) {
                    interrupted = true;
                }
            }
        }
        finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static RuntimeException rethrow(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        // resolve() declares no checked exception; keep anything else visible rather than lose it
        throw new IllegalStateException("Resolving the migration files failed: " + failure, failure);
    }
}
