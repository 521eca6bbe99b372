package dev.migrator.internal.execute;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.migrator.InvalidMigrationException;
import dev.migrator.MigratorException;
import dev.migrator.internal.resolve.ResolvedMigration;
import dev.migrator.internal.resolve.SharedWork;
import dev.migrator.test.Latches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Resolution on a thread of its own hands out exactly what resolving on the caller's
 * thread would.
 */
class FileResolutionTests {

    @Test
    void joinReturnsTheResolvedFilesFromTheBackgroundAndNothingRunsAfterwards() {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Thread> worker = new AtomicReference<>();
        List<ResolvedMigration> files = List.of();
        FileResolution resolution = FileResolution.start(() -> {
            worker.set(Thread.currentThread());
            Latches.await(release);
            return files;
        });
        release.countDown();
        assertThat(resolution.join()).isSameAs(files);
        assertThat(resolution.joined()).isTrue();
        assertThat(worker.get().isDaemon() || worker.get() == Thread.currentThread()).isTrue();
        assertThat(FileResolution.running()).isZero();
    }

    @Test
    void runsInTheBackgroundWithoutBeingJoined() {
        CountDownLatch ran = new CountDownLatch(1);
        AtomicReference<Thread> worker = new AtomicReference<>();
        FileResolution resolution = FileResolution.start(() -> {
            worker.set(Thread.currentThread());
            ran.countDown();
            return List.of();
        });
        Latches.await(ran); // never joined yet
        assertThat(worker.get()).isNotSameAs(Thread.currentThread());
        assertThat(worker.get().isDaemon()).isTrue();
        assertThat(resolution.join()).isEmpty();
    }

    @Test
    void joinThrowsTheVeryExceptionResolutionThrew() {
        InvalidMigrationException thrown = new InvalidMigrationException("V1__a.sql", 3, "Invalid migration files: x");
        FileResolution resolution = FileResolution.start(() -> {
            throw thrown;
        });
        Throwable caught = catchThrowable(resolution::join);
        assertThat(caught).isSameAs(thrown);
        assertThat(caught.getSuppressed()).isEmpty();
        assertThat(caught.getCause()).isNull();
        assertThat(catchThrowable(resolution::join)).isSameAs(thrown);
    }

    @Test
    void errorsAreThrownUnwrapped() {
        StackOverflowError thrown = new StackOverflowError("deep");
        assertThat(catchThrowable(FileResolution.start(() -> {
            throw thrown;
        })::join)).isSameAs(thrown);
    }

    @Test
    void aCallerThatJoinsWhileChunksRemainTakesSomeOfThem() {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch lastItemDone = new CountDownLatch(1);
        Map<Integer, Thread> handledBy = new ConcurrentHashMap<>();
        List<ResolvedMigration> files = List.of();
        FileResolution resolution = FileResolution.startSharing((share) -> {
            started.countDown();
            SharedWork work = new SharedWork(4, 1, () -> (item) -> {
                handledBy.put(item, Thread.currentThread());
                if (item == 0) {
                    Latches.await(lastItemDone); // whoever takes the first chunk waits
                                                 // for the other to take the last
                }
                if (item == 3) {
                    lastItemDone.countDown();
                }
            });
            share.accept(work);
            work.complete();
            return files;
        });
        Latches.await(started); // on a pool thread, so the caller joins a resolution
                                // under way
        assertThat(resolution.join()).isSameAs(files);
        assertThat(handledBy).containsOnlyKeys(0, 1, 2, 3);
        assertThat(handledBy.values()).contains(Thread.currentThread());
        assertThat(new HashSet<>(handledBy.values())).hasSize(2);
        assertThat(FileResolution.running()).isZero();
    }

    @Test
    void aFailureWhileTheCallerHelpsIsThrownByJoinAsTheVeryException() {
        IllegalStateException thrown = new IllegalStateException("boom");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch callerFailed = new CountDownLatch(1);
        AtomicReference<Thread> failedOn = new AtomicReference<>();
        FileResolution resolution = FileResolution.startSharing((share) -> {
            started.countDown();
            SharedWork work = new SharedWork(3, 1, () -> (item) -> {
                if (item == 1) {
                    failedOn.set(Thread.currentThread());
                    callerFailed.countDown();
                    throw thrown;
                }
            });
            share.accept(work);
            Latches.await(callerFailed); // leaves the chunks to the joining caller
            work.complete();
            return List.of();
        });
        Latches.await(started);
        Throwable caught = catchThrowable(resolution::join);
        assertThat(caught).isSameAs(thrown);
        assertThat(caught.getSuppressed()).isEmpty();
        assertThat(failedOn.get()).isSameAs(Thread.currentThread());
        assertThat(catchThrowable(resolution::join)).isSameAs(thrown);
    }

    @Test
    void sequentialResolutionRunsOnTheCallersThreadWhenJoined() {
        AtomicReference<Thread> worker = new AtomicReference<>();
        FileResolution resolution = FileResolution.sequential(() -> {
            worker.set(Thread.currentThread());
            return List.of();
        });
        assertThat(worker.get()).isNull();
        resolution.join();
        assertThat(worker.get()).isSameAs(Thread.currentThread());
    }

    @Test
    void anInterruptedCallerStillGetsTheFilesAndKeepsItsInterrupt() {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FileResolution resolution = FileResolution.start(() -> {
            started.countDown();
            Latches.await(release);
            return List.of();
        });
        Latches.await(started); // running in the background, so the caller only waits in
                                // join
        Thread releaser = new Thread(() -> {
            sleep(50);
            release.countDown();
        });
        releaser.start();
        Thread.currentThread().interrupt();
        try {
            assertThat(resolution.join()).isEmpty();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        }
        finally {
            Thread.interrupted();
        }
    }

    @Test
    void aStepBeforeJoinRunsWhileResolving() throws SQLException {
        CountDownLatch stepRan = new CountDownLatch(1);
        FileResolution resolution = FileResolution.start(() -> {
            Latches.await(stepRan); // finishes only once the step ran: both were under
                                    // way at the same time
            return List.of();
        });
        String result = resolution.beforeJoin(() -> {
            stepRan.countDown();
            return "rows";
        });
        assertThat(result).isEqualTo("rows");
        assertThat(resolution.joined()).isTrue();
        assertThat(resolution.join()).isEmpty();
    }

    @Test
    void aResolutionFailureComesBeforeTheStepsFailureAsIfResolvedFirst() {
        CountDownLatch stepFailed = new CountDownLatch(1);
        InvalidMigrationException files = new InvalidMigrationException("V1__a.sql", 0, "bad files");
        FileResolution resolution = FileResolution.start(() -> {
            Latches.await(stepFailed); // fails only after the step failed: the step's
                                       // failure must wait for it
            throw files;
        });
        SQLException step = new SQLException("relation does not exist", "42P01");
        Throwable caught = catchThrowable(() -> resolution.beforeJoin(() -> {
            stepFailed.countDown();
            throw step;
        }));
        assertThat(caught).isSameAs(files);
        assertThat(caught.getSuppressed()).containsExactly(step);
        assertThat(resolution.joined()).isTrue();
    }

    @Test
    void aStepFailureIsThrownAsItIsWhenTheFilesAreFine() {
        FileResolution resolution = FileResolution.start(List::of);
        MigratorException step = new MigratorException("not a migrator history table");
        assertThat(catchThrowable(() -> resolution.beforeJoin(() -> {
            throw step;
        }))).isSameAs(step).satisfies((ex) -> assertThat(ex.getSuppressed()).isEmpty());
    }

    @Test
    void aResolutionFailureAfterASuccessfulStepIsThrown() {
        InvalidMigrationException files = new InvalidMigrationException("V1__a.sql", 0, "bad files");
        FileResolution resolution = FileResolution.start(() -> {
            throw files;
        });
        assertThat(catchThrowable(() -> resolution.beforeJoin(() -> "rows"))).isSameAs(files);
    }

    @Test
    void failureWaitsForTheResolutionAndReportsWhatItThrew() {
        InvalidMigrationException files = new InvalidMigrationException("V1__a.sql", 0, "bad files");
        assertThat(FileResolution.start(() -> {
            throw files;
        }).failure()).isSameAs(files);
        assertThat(FileResolution.start(List::of).failure()).isNull();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

}
