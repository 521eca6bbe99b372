package dev.migrator.test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Waiting on a latch in a test thread: a test that would hang fails after 10 seconds
 * instead.
 */
public final class Latches {

    private Latches() {
    }

    /**
     * Waits until the latch is released.
     * @throws IllegalStateException when it is not released within 10 seconds, or the
     * wait is interrupted
     */
    public static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released within 10 s");
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

}
