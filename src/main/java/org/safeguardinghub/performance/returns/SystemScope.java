package org.safeguardinghub.performance.returns;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs partnership-wide computation for an agency-scoped user. Indicator values are partnership aggregates over
 * every agency's figures, which row-level security hides from an agency's connection; the calculator therefore
 * refuses agency-scoped callers. When an agency lead submits (red-indicator preview) or corrects (recompute) a
 * return, the computation runs on its own thread with no signed-in user, so its connection has system scope. Only
 * aggregate indicator values come back; no other agency's figure is shown.
 */
final class SystemScope {

    private SystemScope() {}

    static boolean needed() {
        return Actors.current().map(a -> !a.seesAllAgencies()).orElse(false);
    }

    /** The work's result, computed with system scope when the current user is agency-scoped. */
    static <T> T call(Supplier<T> work) {
        if (!needed()) {
            return work.get();
        }
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread thread = new Thread(
                () -> {
                    SecurityContextHolder.clearContext();
                    try {
                        result.set(work.get());
                    } catch (RuntimeException e) {
                        failure.set(e);
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                },
                "returns-system-scope");
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while computing indicators", e);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    static boolean agencyScoped(Actor actor) {
        return !actor.seesAllAgencies();
    }
}
