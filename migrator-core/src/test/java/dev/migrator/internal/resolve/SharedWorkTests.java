package dev.migrator.internal.resolve;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.migrator.test.Latches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Chunks of shared work are taken by the owner and by helpers, each once, and failures
 * reach the owner.
 */
class SharedWorkTests {

    @Test
    void aHelperTakesTheChunksTheOwnerDoesNotAndEveryItemIsHandledOnce() throws Exception {
        Map<Integer, Thread> handledBy = new ConcurrentHashMap<>();
        List<Thread> workersMadeFor = new CopyOnWriteArrayList<>();
        CountDownLatch ownerBusy = new CountDownLatch(1);
        CountDownLatch helperDone = new CountDownLatch(1);
        SharedWork work = new SharedWork(10, 2, () -> {
            workersMadeFor.add(Thread.currentThread());
            return (item) -> {
                assertThat(handledBy.putIfAbsent(item, Thread.currentThread())).isNull();
                if (item == 0) {
                    ownerBusy.countDown();
                    Latches.await(helperDone); // the owner holds its first chunk until
                                               // the helper took the rest
                }
            };
        });
        AtomicReference<Throwable> ownerCaught = new AtomicReference<>();
        Thread owner = new Thread(() -> ownerCaught.set(catchThrowable(work::complete)));
        owner.start();
        Latches.await(ownerBusy);
        work.help();
        helperDone.countDown();
        owner.join(10_000);
        assertThat(owner.isAlive()).isFalse();
        assertThat(ownerCaught.get()).isNull();
        assertThat(handledBy).containsOnlyKeys(IntStream.range(0, 10).boxed().toList());
        assertThat(handledBy.get(0)).isSameAs(owner);
        assertThat(handledBy.get(1)).isSameAs(owner);
        IntStream.range(2, 10).forEach((item) -> assertThat(handledBy.get(item)).isSameAs(Thread.currentThread()));
        assertThat(workersMadeFor).containsExactlyInAnyOrder(owner, Thread.currentThread());
    }

    @Test
    void aFailureInAChunkAHelperTookIsThrownByCompleteAsTheVeryExceptionAndStopsFurtherChunks() throws Exception {
        IllegalStateException thrown = new IllegalStateException("boom");
        Map<Integer, Thread> handledBy = new ConcurrentHashMap<>();
        CountDownLatch ownerBusy = new CountDownLatch(1);
        CountDownLatch helperDone = new CountDownLatch(1);
        SharedWork work = new SharedWork(6, 1, () -> (item) -> {
            handledBy.put(item, Thread.currentThread());
            if (item == 0) {
                ownerBusy.countDown();
                Latches.await(helperDone);
            }
            if (item == 2) {
                throw thrown;
            }
        });
        AtomicReference<Throwable> ownerCaught = new AtomicReference<>();
        Thread owner = new Thread(() -> ownerCaught.set(catchThrowable(work::complete)));
        owner.start();
        Latches.await(ownerBusy);
        work.help(); // takes 1 and 2, which fails: 3 to 5 are not started; the helper
                     // itself does not throw
        helperDone.countDown();
        owner.join(10_000);
        assertThat(ownerCaught.get()).isSameAs(thrown);
        assertThat(thrown.getSuppressed()).isEmpty();
        assertThat(handledBy).containsOnlyKeys(0, 1, 2);
        assertThat(handledBy.get(2)).isSameAs(Thread.currentThread());
    }

    @Test
    void completeWithoutHelpersHandlesEveryItemInOrderOnTheOwnersThread() {
        List<Integer> handled = new CopyOnWriteArrayList<>();
        IntConsumer worker = handled::add;
        new SharedWork(5, 2, () -> worker).complete();
        assertThat(handled).containsExactly(0, 1, 2, 3, 4);
    }

}
