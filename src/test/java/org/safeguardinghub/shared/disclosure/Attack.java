package org.safeguardinghub.shared.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A differencing attack on a family of published tables: collect what every cell was published as (by a key naming
 * the records it counts, so the same cell in two views is one unknown) and the linear constraints between cells, then
 * {@link #run()} infers the publication method from the texts ({@link PublishedMethod}), turns each text into an
 * interval, solves ({@link IntervalAttack}) and reports every hidden cell the attack narrowed to fewer than three
 * possible values.
 */
public final class Attack {

    private final Map<String, List<String>> published = new LinkedHashMap<>();
    private final List<String> allTexts = new ArrayList<>();
    private final List<Runnable> constraints = new ArrayList<>();
    private final List<long[]> knowledge = new ArrayList<>();
    private final Map<String, long[]> known = new LinkedHashMap<>();
    private final IntervalAttack solver = new IntervalAttack();
    private int hiddenAppearances;

    /** The cell {@code key} was published as {@code text} in some view. */
    public void published(String key, String text) {
        published.computeIfAbsent(key, k -> new ArrayList<>()).add(text);
        allTexts.add(text);
    }

    /** A cell every reader knows without being told (a child in two age bands at once: 0); only its text counts. */
    public void structural(String text) {
        allTexts.add(text);
    }

    /** Something known about a cell other than its text, such as "not listed, so 0". */
    public void knows(String key, long low, long high) {
        known.merge(key, new long[] {low, high}, (a, b) -> new long[] {Math.max(a[0], b[0]), Math.min(a[1], b[1])});
    }

    public void partition(String total, List<String> parts) {
        List<String> copy = List.copyOf(parts);
        constraints.add(() -> solver.partition(total, copy));
    }

    public void atMost(String total, List<String> parts) {
        List<String> copy = List.copyOf(parts);
        constraints.add(() -> solver.atMost(total, copy));
    }

    /** What the attack found. */
    public record Result(
            PublishedMethod method,
            int cells,
            int hiddenCells,
            int hiddenAppearances,
            int exact,
            int narrowed,
            int constraints,
            List<String> examples) {

        public String summary() {
            return "%d distinct cells, %d hidden (%d hidden appearances), %d constraints; method %s; recovered exactly %d, narrowed to fewer than 3 values %d"
                    .formatted(cells, hiddenCells, hiddenAppearances, constraints, method, exact, narrowed);
        }
    }

    public Result run() {
        PublishedMethod method = PublishedMethod.inferredFrom(allTexts);
        Set<String> hidden = new LinkedHashSet<>();
        published.forEach((key, texts) -> {
            for (String t : texts) {
                long[] i = method.interval(t);
                solver.observe(key, i[0], i[1]);
                if (method.hidden(t)) {
                    hidden.add(key);
                    hiddenAppearances++;
                }
            }
        });
        known.forEach((key, i) -> solver.observe(key, i[0], i[1]));
        constraints.forEach(Runnable::run);
        solver.solve();
        int exact = 0;
        int narrowed = 0;
        List<String> examples = new ArrayList<>();
        for (String key : hidden) {
            long values = solver.possibleValues(key);
            if (values < 3) {
                narrowed++;
                if (values == 1) {
                    exact++;
                }
                if (examples.size() < 5) {
                    long[] i = solver.interval(key);
                    examples.add(key + " in [" + i[0] + ", " + i[1] + "]");
                }
            }
        }
        return new Result(
                method,
                published.size(),
                hidden.size(),
                hiddenAppearances,
                exact,
                narrowed,
                solver.constraints(),
                examples);
    }
}
