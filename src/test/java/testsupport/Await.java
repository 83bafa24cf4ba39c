package testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Waiting, with Awaitility, for work that happens after a commit on another thread: event listeners
 * ({@code @ApplicationModuleListener}) raising or closing tasks, scans started by an event. Polls every 100 ms for
 * up to 10 seconds and fails the test (Awaitility's {@code ConditionTimeoutException}) if the condition never holds.
 * Module tests use Spring Modulith's {@code Scenario} instead; this is for the tests that drive the whole
 * application through its pages.
 */
public final class Await {

    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Await() {}

    /** The probe's first non-null answer. */
    public static <T> T nonNull(Callable<@Nullable T> probe) {
        return nonNull(TIMEOUT, probe);
    }

    /** The probe's first non-null answer within {@code atMost}. */
    public static <T> T nonNull(Duration atMost, Callable<@Nullable T> probe) {
        return await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(probe, Objects::nonNull);
    }

    /** Returns once the condition holds. */
    public static void until(BooleanSupplier condition) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
    }
}
