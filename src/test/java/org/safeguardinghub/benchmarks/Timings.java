package org.safeguardinghub.benchmarks;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Arrays;
import java.util.concurrent.Callable;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * How the benchmarks time their work, so every table in {@code docs/benchmarks.md} is measured the same way: a few
 * warm-up runs that are not counted, then each run timed on its own, sorted, and read as nearest-rank percentiles.
 * A page is fetched signed in and must answer 200, or the benchmark stops rather than time an error page.
 */
public final class Timings {

    private Timings() {}

    /** The milliseconds each of {@code runs} runs of {@code work} took after {@code warmup} uncounted ones, sorted. */
    public static double[] millis(int runs, int warmup, Callable<?> work) throws Exception {
        for (int i = 0; i < warmup; i++) {
            work.call();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.call();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    /** A table row {@code | name | p50 | p95 | max |} in milliseconds for {@code work}. */
    public static String row(String name, int runs, int warmup, Callable<?> work) throws Exception {
        double[] ms = millis(runs, warmup, work);
        return String.format(
                "| %s | %.1f | %.1f | %.1f |", name, percentile(ms, 50), percentile(ms, 95), ms[ms.length - 1]);
    }

    /** Nearest-rank percentile of sorted values. */
    public static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** The page at {@code path}, fetched as the signed-in user; anything but 200 stops the benchmark. */
    public static MockHttpServletResponse page(MockMvc mvc, RequestPostProcessor signedIn, String path)
            throws Exception {
        var response = mvc.perform(get(path).with(signedIn)).andReturn().getResponse();
        if (response.getStatus() != 200) {
            throw new IllegalStateException(path + " answered " + response.getStatus());
        }
        return response;
    }
}
