package dev.migrator.internal.resolve;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Work on a fixed number of items, split into chunks of consecutive items that any thread
 * may take: the thread that owns the work ({@link #complete()}) and any thread that would
 * otherwise only wait for it ({@link #help()}). Each chunk is taken once. A thread
 * handles its chunks with a worker of its own, made by the factory when it takes its
 * first chunk, so workers need not be thread-safe; results go where the worker puts them
 * (e.g. one array slot per item), and are visible to the owner once {@link #complete()}
 * returns.
 * <p>
 * Expected failures belong in the worker's results. A chunk that throws anyway (a
 * {@link RuntimeException} or an {@link Error}) stops further chunks from being started,
 * and {@link #complete()} throws that very exception on the owner's thread (failures of
 * chunks that were running at the same time are attached to it as suppressed); a helper
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
     * Creates the work; nothing runs until a thread calls {@link #help()} or
     * {@link #complete()}.
     * @param items how many items there are (0 and up)
     * @param chunkSize how many consecutive items a thread takes at once (1 and up)
     * @param workers makes the worker of one thread: it is given the index of each item
     * of the chunks it takes
     */
    public SharedWork(int items, int chunkSize, Supplier<? extends IntConsumer> workers) {
        if (items < 0 || chunkSize < 1) {
            throw new IllegalArgumentException("items " + items + " and chunk size " + chunkSize);
        }
        this.items = items;
        this.chunkSize = chunkSize;
        this.chunks = (int) ((items + (long) chunkSize - 1) / chunkSize);
        this.workers = workers;
        this.unfinished = new CountDownLatch(this.chunks);
    }

    /**
     * Takes chunks until none is left to take, then returns: chunks other threads took
     * may still be running. Returns at once when there is nothing left.
     */
    public void help() {
        IntConsumer worker = null;
        while (this.nextChunk.get() < this.chunks) {
            int chunk = this.nextChunk.getAndIncrement();
            if (chunk >= this.chunks) {
                return;
            }
            try {
                if (this.failure.get() == null) {
                    if (worker == null) {
                        worker = this.workers.get();
                    }
                    int end = (int) Math.min(this.items, (chunk + 1L) * this.chunkSize);
                    for (int item = chunk * this.chunkSize; item < end; item++) {
                        worker.accept(item);
                    }
                }
            }
            catch (RuntimeException | Error ex) {
                fail(ex);
            }
            finally {
                this.unfinished.countDown();
            }
        }
    }

    /**
     * Takes chunks like {@link #help()}, then waits until every chunk is done (an
     * interrupt does not end the wait; it is kept for the caller) and throws what a chunk
     * threw, if one did.
     */
    public void complete() {
        help();
        boolean interrupted = false;
        while (true) {
            try {
                this.unfinished.await();
                break;
            }
            catch (InterruptedException ex) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable thrown = this.failure.get();
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
    }

    private void fail(Throwable ex) {
        if (!this.failure.compareAndSet(null, ex)) {
            Throwable first = this.failure.get();
            if (first != ex) {
                first.addSuppressed(ex);
            }
        }
    }

}
