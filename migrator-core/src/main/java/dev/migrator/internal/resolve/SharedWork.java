package dev.migrator.internal.resolve;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Work on a fixed number of items, split into chunks of consecutive items that any thread may take: the thread that
 * owns the work ({@link #complete()}) and any thread that would otherwise only wait for it ({@link #help()}). Each
 * chunk is taken once. A thread handles its chunks with a worker of its own, made by the factory when it takes its
 * first chunk, so workers need not be thread-safe; results go where the worker puts them (e.g. one array slot per
 * item), and are visible to the owner once {@link #complete()} returns.
 * <p>
 * Expected failures belong in the worker's results. A chunk that throws anyway (a {@link RuntimeException} or an
 * {@link Error}) stops further chunks from being started, and {@link #complete()} throws that very exception on the
 * owner's thread (failures of chunks that were running at the same time are attached to it as suppressed); a helper
 * never throws it.
 */
public final class SharedWork {

    private final int items;

    private final int chunkSize;

    private final int chunks;

    private final Supplier<? extends IntConsumer> workers;

    private final AtomicInteger nextChunk = new AtomicInteger();

    private final CountDownLatch unfinished;

    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /**
     * Creates the work; nothing runs until a thread calls {@link #help()} or {@link #complete()}.
     * @param items how many items there are (0 and up)
     * @param chunkSize how many consecutive items a thread takes at once (1 and up)
     * @param workers makes the worker of one thread: it is given the index of each item of the chunks it takes
     */
    public SharedWork(int items, int chunkSize, Supplier<? extends IntConsumer> workers) {
        if (items < 0 || chunkSize < 1) {
            throw new IllegalArgumentException("items " + items + " and chunk size " + chunkSize);
        }
        this.items = items;
        this.chunkSize = chunkSize;
        this.chunks = (int) ((items + (long) chunkSize - 1) / chunkSize);
        this.workers = workers;
        this.unfinished = new CountDownLatch(chunks);
    }

    /**
     * Takes chunks until none is left to take, then returns: chunks other threads took may still be running. Returns
     * at once when there is nothing left.
     */
    public void help() {
        IntConsumer worker = null;
        while (nextChunk.get() < chunks) {
            int chunk = nextChunk.getAndIncrement();
            if (chunk >= chunks) {
                return;
            }
            try {
                if (failure.get() == null) {
                    if (worker == null) {
                        worker = workers.get();
                    }
                    int end = (int) Math.min(items, (chunk + 1L) * chunkSize);
                    for (int item = chunk * chunkSize; item < end; item++) {
                        worker.accept(item);
                    }
                }
            }
            catch (RuntimeException | Error ex) {
                fail(ex);
            }
            finally {
                unfinished.countDown();
            }
        }
    }

    /**
     * Takes chunks like {@link #help()}, then waits until every chunk is done (an interrupt does not end the wait; it
     * is kept for the caller) and throws what a chunk threw, if one did.
     */
    public void complete() {
        help();
        boolean interrupted = false;
        while (true) {
            try {
                unfinished.await();
                break;
            }
            catch (InterruptedException ex) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable thrown = failure.get();
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
    }

    private void fail(Throwable ex) {
        if (!failure.compareAndSet(null, ex)) {
            Throwable first = failure.get();
            if (first != ex) {
                first.addSuppressed(ex);
            }
        }
    }
}
