package org.safeguardinghub.shared.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an attacker can work out from published counts: every published cell is an unknown non-negative integer
 * known to lie in an interval (exactly, for a count shown as it is; "1 to 5" for "fewer than 6"; "8 to 12" for a
 * count rounded to 10), and the cells are tied by linear constraints that anyone can see from the tables' meaning
 * (the parts of a partition add up to its total, a filtered view is a part of the unfiltered one, three years add up
 * to their window). The attack tightens every interval against every constraint until nothing changes (integer bounds
 * propagation, the first step of every integer programming solver); a hidden cell whose interval ends up holding a
 * single value has been recovered, and one holding two has been as good as recovered.
 *
 * <p>Propagation never narrows an interval beyond what the constraints allow, so the intervals it reports are sound:
 * if it says a cell is 3, every table consistent with the published figures has 3 there. It can leave an interval
 * wider than the tightest possible (a full integer programme could do better), so a pass here is necessary, not
 * sufficient, evidence of safety; the published method's own argument does the rest (docs/architecture.md).
 */
public final class IntervalAttack {

    /** Upper bound standing for "no upper bound known". */
    public static final long UNBOUNDED = 1_000_000_000L;

    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final List<long[]> bounds = new ArrayList<>();
    private final List<Constraint> constraints = new ArrayList<>();
    private final Map<Integer, List<Constraint>> byVariable = new HashMap<>();

    /** {@code sum(coefficients[i] * x[variables[i]]) <= 0}, or {@code == 0} when {@code equality}. */
    private record Constraint(int[] variables, long[] coefficients, boolean equality) {}

    /** The variable for a cell, created with bounds [0, unbounded) the first time it is named. */
    public int variable(String key) {
        return index.computeIfAbsent(key, k -> {
            bounds.add(new long[] {0, UNBOUNDED});
            return bounds.size() - 1;
        });
    }

    /** Records what the cell was published as: intersects its interval with [low, high]. */
    public void observe(String key, long low, long high) {
        long[] b = bounds.get(variable(key));
        b[0] = Math.max(b[0], low);
        b[1] = Math.min(b[1], high);
    }

    /** {@code total = sum(parts)}. */
    public void partition(String total, List<String> parts) {
        add(total, parts, true);
    }

    /** {@code sum(parts) <= total}. */
    public void atMost(String total, List<String> parts) {
        add(total, parts, false);
    }

    private void add(String total, List<String> parts, boolean equality) {
        Map<Integer, Long> terms = new LinkedHashMap<>();
        for (String p : parts) {
            terms.merge(variable(p), 1L, Long::sum);
        }
        terms.merge(variable(total), -1L, Long::sum);
        terms.values().removeIf(c -> c == 0);
        if (terms.isEmpty()) {
            return;
        }
        int[] vars = terms.keySet().stream().mapToInt(Integer::intValue).toArray();
        long[] coefs = terms.values().stream().mapToLong(Long::longValue).toArray();
        Constraint c = new Constraint(vars, coefs, equality);
        constraints.add(c);
        for (int v : vars) {
            byVariable.computeIfAbsent(v, k -> new ArrayList<>()).add(c);
        }
    }

    /** Tightens every interval until nothing changes; throws if the published figures contradict each other. */
    public void solve() {
        java.util.ArrayDeque<Constraint> queue = new java.util.ArrayDeque<>(constraints);
        java.util.Set<Constraint> queued = new java.util.HashSet<>(constraints);
        while (!queue.isEmpty()) {
            Constraint c = queue.poll();
            queued.remove(c);
            for (int changed : tighten(c)) {
                for (Constraint d : byVariable.getOrDefault(changed, List.of())) {
                    if (queued.add(d)) {
                        queue.add(d);
                    }
                }
            }
        }
    }

    /** One pass over a constraint; returns the variables whose interval narrowed. */
    private List<Integer> tighten(Constraint c) {
        List<Integer> changed = new ArrayList<>();
        int n = c.variables().length;
        long minSum = 0;
        long maxSum = 0;
        for (int i = 0; i < n; i++) {
            long[] b = bounds.get(c.variables()[i]);
            long a = c.coefficients()[i];
            minSum += a > 0 ? a * b[0] : a * b[1];
            maxSum += a > 0 ? a * b[1] : a * b[0];
        }
        if (minSum > 0 || (c.equality() && maxSum < 0)) {
            throw new IllegalStateException("The published figures contradict each other: " + describe(c));
        }
        for (int i = 0; i < n; i++) {
            int v = c.variables()[i];
            long[] b = bounds.get(v);
            long a = c.coefficients()[i];
            long own = a > 0 ? a * b[0] : a * b[1];
            long restMin = minSum - own; // a*x <= -restMin
            long oldLow = b[0];
            long oldHigh = b[1];
            if (a > 0) {
                b[1] = Math.min(b[1], Math.floorDiv(-restMin, a));
            } else {
                b[0] = Math.max(b[0], ceilDiv(-restMin, a));
            }
            if (c.equality()) {
                long ownMax = a > 0 ? a * oldHigh : a * oldLow;
                long restMax = maxSum - ownMax; // a*x >= -restMax
                if (restMax < UNBOUNDED / 2) {
                    if (a > 0) {
                        b[0] = Math.max(b[0], ceilDiv(-restMax, a));
                    } else {
                        b[1] = Math.min(b[1], Math.floorDiv(-restMax, a));
                    }
                }
            }
            if (b[0] > b[1]) {
                throw new IllegalStateException("The published figures contradict each other: " + describe(c));
            }
            if (b[0] != oldLow || b[1] != oldHigh) {
                changed.add(v);
                minSum += (a > 0 ? a * b[0] : a * b[1]) - own;
                maxSum += (a > 0 ? a * b[1] : a * b[0]) - (a > 0 ? a * oldHigh : a * oldLow);
            }
        }
        return changed;
    }

    private String describe(Constraint c) {
        List<String> names = new ArrayList<>(index.keySet());
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < c.variables().length; i++) {
            long[] b = bounds.get(c.variables()[i]);
            sb.append(c.coefficients()[i])
                    .append(" * ")
                    .append(names.get(c.variables()[i]))
                    .append(" [")
                    .append(b[0])
                    .append(", ")
                    .append(b[1])
                    .append("]; ");
        }
        return sb.append(c.equality() ? "= 0" : "<= 0").toString();
    }

    private static long ceilDiv(long x, long y) {
        return -Math.floorDiv(-x, y);
    }

    /** The interval the attack has narrowed the cell to: {low, high}. */
    public long[] interval(String key) {
        long[] b = bounds.get(variable(key));
        return new long[] {b[0], b[1]};
    }

    /** How many values the cell can still take. */
    public long possibleValues(String key) {
        long[] b = interval(key);
        return b[1] - b[0] + 1;
    }

    public int variables() {
        return bounds.size();
    }

    public int constraints() {
        return constraints.size();
    }
}
