package dev.latchkey.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/** F-OPS-4 test support: a purge run as several nodes would run it, and the schedule a purge is registered with. */
public final class Purging {

    private Purging() {}

    /** Runs {@code purge} on two threads at once, as two nodes would; fails on any exception either throws. */
    public static void onTwoThreadsAtOnce(Runnable purge) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    purge.run();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS); // rethrows what the purge threw
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The fixed delay of the scheduled method {@code method} of {@code type}; fails when it is not scheduled. */
    public static Duration scheduledDelay(ScheduledTaskHolder scheduler, Class<?> type, String method) {
        String name = type.getName() + "." + method;
        List<Duration> delays = scheduler.getScheduledTasks().stream()
                .map(task -> task.getTask())
                .filter(task -> task instanceof FixedDelayTask
                        && task.getRunnable().toString().equals(name))
                .map(task -> ((FixedDelayTask) task).getIntervalDuration())
                .toList();
        assertThat(delays).as("%s is scheduled once", name).hasSize(1);
        return delays.get(0);
    }
}
