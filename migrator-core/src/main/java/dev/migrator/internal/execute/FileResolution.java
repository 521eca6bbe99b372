package dev.migrator.internal.execute;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrator.internal.resolve.MigrationResolver;
import dev.migrator.internal.resolve.ResolvedMigration;
import dev.migrator.internal.resolve.SharedWork;

/**
 * The migration files of one run, resolved in the background (a task of the common
 * {@link ForkJoinPool}) while the run connects to the database, reads the schema, takes
 * the lock and reads the history table: the file side and the database side overlap, and
 * neither waits for the other until the command needs the files.
 * <p>
 * {@link #join()} hands out the files, or throws exactly what
 * {@link MigrationResolver#resolve()} threw (the same exception object: type, message,
 * cause and suppressed exceptions unchanged), as if resolution had run on the caller's
 * thread at that point. When the pool has not started the task by then (busy, or no pool
 * thread), the caller runs it itself rather than wait for a pool thread. When the task is
 * under way, the caller helps: it waits until the files are listed, takes chunks of the
 * reading and checksumming that remain ({@link SharedWork#help()}), and only then waits
 * for the task to finish. Every command waits for the task before it returns (see
 * {@link #failure()}), so no resolution outlives the command that started it.
 */
public final class FileResolution {

    private static final Logger logger = LoggerFactory.getLogger(FileResolution.class);

    private static final AtomicInteger started = new AtomicInteger();

    private static final AtomicInteger running = new AtomicInteger();

    private final FutureTask<List<ResolvedMigration>> task;

    /** Counted down when the task offers work to share, or ends without. */
    private final CountDownLatch offeredOrDone = new CountDownLatch(1);

    private volatile SharedWork offered;

    private volatile boolean joined;

    private FileResolution(SharingResolution resolution) {
        this.task = new FutureTask<>(() -> {
            running.incrementAndGet();
            try {
                return resolution.resolve((work) -> {
                    this.offered = work;
                    this.offeredOrDone.countDown();
                });
            }
            finally {
                this.offeredOrDone.countDown();
                running.decrementAndGet();
            }
        });
    }

    /**
     * Starts resolving the files in the background; a caller that joins early helps read
     * them.
     */
    public static FileResolution start(MigrationResolver resolver) {
        return startSharing(resolver::resolve);
    }

    /**
     * Starts resolving the files in the background, keeping the texts of migration
     * scripts for the run (see {@link MigrationResolver#resolveKeepingTexts}); a caller
     * that joins early helps read them.
     */
    public static FileResolution startKeepingTexts(MigrationResolver resolver) {
        return startSharing(resolver::resolveKeepingTexts);
    }

    /** Starts a resolution in the background. */
    public static FileResolution start(Supplier<List<ResolvedMigration>> resolution) {
        return startSharing((share) -> resolution.get());
    }

    /** Starts a resolution in the background that a joining caller can help with. */
    static FileResolution startSharing(SharingResolution resolution) {
        FileResolution files = new FileResolution(resolution);
        started.incrementAndGet();
        try {
            ForkJoinPool.commonPool().execute(files.task);
        }
        catch (RejectedExecutionException ex) {
            // the pool cannot take it (e.g. cannot add a thread): the caller runs it when
            // it needs the files
            logger.debug(
                    "Resolving the migration files on the calling thread: the common pool refused the task " + "({})",
                    ex.toString());
        }
        return files;
    }

    /**
     * Resolves on the caller's thread when the files are asked for, as before (for
     * tests).
     */
    static FileResolution sequential(Supplier<List<ResolvedMigration>> resolution) {
        return new FileResolution((share) -> resolution.get());
    }

    /** How many background resolutions were started in this JVM (for tests). */
    public static int started() {
        return started.get();
    }

    /** How many resolutions are running right now (for tests). */
    public static int running() {
        return running.get();
    }

    /**
     * The resolved files, waiting for them if needed.
     * @throws RuntimeException or {@link Error}: exactly what resolution threw
     */
    public List<ResolvedMigration> join() {
        this.joined = true;
        try {
            return await();
        }
        catch (ExecutionException ex) {
            throw rethrow(ex.getCause());
        }
    }

    /**
     * Runs a read-only step that a command does right after getting its files (reading
     * the history table) while the files are still being resolved, then joins them.
     * Failures come in the order of a run that resolved first: a resolution failure is
     * thrown (with the step's failure, if any, suppressed), otherwise the step's failure.
     * @return the step's result; the files are then available from {@link #join()}
     * without waiting
     */
    public <T> T beforeJoin(SqlStep<T> step) throws SQLException {
        T result;
        try {
            result = step.run();
        }
        catch (SQLException | RuntimeException | Error ex) {
            this.joined = true;
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

    /** Whether the command asked for the files (and so got them or their failure). */
    public boolean joined() {
        return this.joined;
    }

    /**
     * Waits for the resolution and returns what it threw, {@code null} when it succeeded.
     * Used when the command failed before it needed the files, to report both failures;
     * afterwards the resolution is over.
     */
    public Throwable failure() {
        try {
            await();
            return null;
        }
        catch (ExecutionException ex) {
            return ex.getCause();
        }
    }

    /**
     * The task's outcome: runs it here if it has not started, else helps with the work it
     * offers, then waits for it. Waits without giving up on interrupts (resolution itself
     * is not interruptible); an interrupt is kept.
     */
    private List<ResolvedMigration> await() throws ExecutionException {
        this.task.run(); // not started yet (busy pool, or none): run it here; a no-op
                         // once it
        // started or ran
        uninterruptibly(() -> {
            this.offeredOrDone.await();
            return null;
        });
        SharedWork work = this.offered;
        if (work != null) {
            work.help(); // returns at once when no work is left
        }
        return uninterruptibly(this.task::get);
    }

    /**
     * Waits to the end, however often interrupted, and keeps the interrupt for the
     * caller.
     */
    private static <T> T uninterruptibly(Wait<T> wait) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return wait.get();
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
        // resolve() declares no checked exception; keep anything else visible rather than
        // lose it
        throw new IllegalStateException("Resolving the migration files failed: " + failure, failure);
    }

    /** A resolution that offers part of its work to the threads waiting for it. */
    @FunctionalInterface
    interface SharingResolution {

        /**
         * Resolves.
         * @param share to be given the work others may help with, as soon as there is
         * some
         */
        List<ResolvedMigration> resolve(Consumer<SharedWork> share);

    }

    /** Database work done while the files are being resolved. */
    @FunctionalInterface
    public interface SqlStep<T> {

        T run() throws SQLException;

    }

    /** A wait that an interrupt would cut short. */
    @FunctionalInterface
    private interface Wait<T> {

        T get() throws InterruptedException, ExecutionException;

    }

}
