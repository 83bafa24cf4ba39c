package org.safeguardinghub.performance.returns;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.imports.NumberRule;
import org.safeguardinghub.performance.catalogue.Breakdown;
import org.safeguardinghub.performance.catalogue.DataItem;
import org.safeguardinghub.performance.catalogue.DataRule;

/**
 * The checks on a return's figures, without the database: type (whole numbers for counts and populations, decimals
 * for sums, never negative), range (the item's minimum and maximum), required totals (on submit), breakdowns against
 * the total, cross-item rules and outliers against the agency's own accepted history.
 *
 * <p>Outliers follow the usual data-quality screens of routine returns (DHIS2's "outlier detection" uses the same
 * two): a figure is an outlier when, with at least {@link #MIN_HISTORY} earlier accepted totals, it lies more than
 * three standard deviations from their mean, or outside their minimum to maximum widened by half that range on each
 * side. An outlier is only a problem when submitting without a comment on the cell.
 */
public final class ReturnChecks {

    static final int MIN_HISTORY = 6;

    /** The cell of a return: an item's total (kind and value empty) or one breakdown value. */
    public record CellKey(String itemCode, String kind, String value) {

        static CellKey total(String itemCode) {
            return new CellKey(itemCode, "", "");
        }

        boolean isTotal() {
            return kind.isEmpty();
        }
    }

    /** What the agency gave for one cell. */
    record Given(String raw, @Nullable String comment) {}

    /** Everything the checks look at. */
    record Input(
            String agencyName,
            List<DataItem> items,
            Map<Breakdown, List<String>> breakdownValues,
            Map<CellKey, Given> cells,
            List<DataRule> rules,
            Map<String, List<BigDecimal>> history,
            boolean submit) {}

    /** The problems found, and every cell's parsed value (cells that failed to parse are left out). */
    record Result(List<CellProblem> problems, Map<CellKey, BigDecimal> values) {

        Map<String, BigDecimal> totals() {
            Map<String, BigDecimal> totals = new LinkedHashMap<>();
            values.forEach((k, v) -> {
                if (k.isTotal()) {
                    totals.put(k.itemCode(), v);
                }
            });
            return totals;
        }
    }

    private ReturnChecks() {}

    /**
     * Checks the cells of a return: each cell's item, breakdown and value (type, range, decimals); the breakdowns
     * add up to their totals; the partnership's rules between items hold; and, for submitting, every required
     * total is given and every outlier is explained.
     */
    static Result check(Input in) {
        List<CellProblem> problems = new ArrayList<>();
        Map<CellKey, BigDecimal> values = new LinkedHashMap<>();
        Map<String, DataItem> items = new LinkedHashMap<>();
        in.items().forEach(i -> items.put(i.code(), i));
        cellsReadable(in, items, problems, values);
        breakdownsAddUp(in, problems, values);
        rulesHold(in, items, problems, values);
        if (in.submit()) {
            outliersExplained(in, problems, values);
        }
        return new Result(List.copyOf(problems), values);
    }

    /** Each cell names an item and breakdown of the return and holds a value the item allows. */
    private static void cellsReadable(
            Input in, Map<String, DataItem> items, List<CellProblem> problems, Map<CellKey, BigDecimal> values) {
        for (Map.Entry<CellKey, Given> e : in.cells().entrySet()) {
            CellKey key = e.getKey();
            DataItem item = items.get(key.itemCode());
            if (item == null) {
                problems.add(problem(
                        key,
                        "item_code",
                        "There is no item with the code \"" + key.itemCode()
                                + "\" in this return. Use the codes in the return's template"));
                continue;
            }
            if (!key.isTotal()) {
                Breakdown kind = breakdown(key.kind());
                if (kind == null || !item.breakdowns().contains(kind)) {
                    problems.add(
                            problem(key, "breakdown", item.name() + " is not returned by " + describeKind(key.kind())));
                    continue;
                }
                if (!in.breakdownValues().getOrDefault(kind, List.of()).contains(key.value())) {
                    problems.add(problem(
                            key,
                            "breakdown_value",
                            "\"" + key.value() + "\" is not a " + kind.label().toLowerCase(Locale.ROOT)
                                    + " of this return (" + item.name() + ")"));
                    continue;
                }
            }
            String raw = e.getValue().raw().trim();
            if (raw.isEmpty()) {
                continue;
            }
            String where = describe(item, key);
            NumberRule.Result read = NumberRule.read(raw);
            if (!read.ok()) {
                problems.add(problem(key, "value", where + ": " + read.problem()));
                continue;
            }
            BigDecimal value = read.value();
            if (value.compareTo(item.lowest()) < 0) {
                problems.add(problem(
                        key,
                        "value",
                        item.lowest().signum() == 0
                                ? where + " cannot be negative"
                                : where + " must be " + plain(item.lowest()) + " or more"));
                continue;
            }
            if (value.compareTo(item.highest()) > 0) {
                problems.add(problem(key, "value", where + " must be " + grouped(item.highest()) + " or less"));
                continue;
            }
            if (value.stripTrailingZeros().scale() > item.decimals()) {
                problems.add(problem(
                        key,
                        "value",
                        item.decimals() == 0
                                ? where + " must be a whole number, like 12"
                                : where + " can have at most " + item.decimals() + " decimal places, like 12.50"));
                continue;
            }
            values.put(key, value);
        }
    }

    /** Required totals are given (for submitting), and breakdown figures add up to their total. */
    private static void breakdownsAddUp(Input in, List<CellProblem> problems, Map<CellKey, BigDecimal> values) {
        for (DataItem item : in.items()) {
            CellKey totalKey = CellKey.total(item.code());
            BigDecimal total = values.get(totalKey);
            boolean totalGiven = in.cells().containsKey(totalKey)
                    && !in.cells().get(totalKey).raw().isBlank();
            if (in.submit() && item.required() && !totalGiven) {
                problems.add(problem(totalKey, "value", "Enter the total for " + item.name()));
            }
            if (total == null) {
                continue;
            }
            for (Breakdown kind : item.breakdowns()) {
                List<String> expected = in.breakdownValues().getOrDefault(kind, List.of());
                BigDecimal sum = BigDecimal.ZERO;
                int given = 0;
                for (String v : expected) {
                    BigDecimal part = values.get(new CellKey(item.code(), kind.name(), v));
                    if (part != null) {
                        sum = sum.add(part);
                        given++;
                    }
                }
                if (given == 0) {
                    continue;
                }
                String label = kind.label().toLowerCase(Locale.ROOT);
                if (sum.compareTo(total) > 0) {
                    problems.add(problem(
                            totalKey,
                            "value",
                            "The " + label + " figures for " + item.name()
                                    + " add up to " + plain(sum) + ", " + plain(sum.subtract(total))
                                    + " more than the total of " + plain(total)));
                } else if (given == expected.size() && sum.compareTo(total) != 0) {
                    problems.add(problem(
                            totalKey,
                            "value",
                            "The " + label + " figures for " + item.name()
                                    + " add up to " + plain(sum) + ", " + plain(total.subtract(sum))
                                    + " less than the total of " + plain(total)));
                }
            }
        }
    }

    /** The partnership's rules between items (for example, one item no more than another) hold cell by cell. */
    private static void rulesHold(
            Input in, Map<String, DataItem> items, List<CellProblem> problems, Map<CellKey, BigDecimal> values) {
        for (DataRule rule : in.rules()) {
            if (!items.containsKey(rule.leftItem()) || !items.containsKey(rule.rightItem())) {
                continue;
            }
            for (Map.Entry<CellKey, BigDecimal> e : values.entrySet()) {
                CellKey left = e.getKey();
                if (!left.itemCode().equals(rule.leftItem())) {
                    continue;
                }
                BigDecimal right = values.get(new CellKey(rule.rightItem(), left.kind(), left.value()));
                if (right != null && !rule.holds(e.getValue(), right)) {
                    String where = left.isTotal() ? "" : " (" + left.value() + ")";
                    problems.add(problem(
                            left,
                            "value",
                            rule.message() + where + ": " + plain(e.getValue()) + " " + rule.operator() + " "
                                    + plain(right) + " does not hold"));
                }
            }
        }
    }

    /** A total far outside the agency's usual range is explained in its comment (for submitting). */
    private static void outliersExplained(Input in, List<CellProblem> problems, Map<CellKey, BigDecimal> values) {
        for (DataItem item : in.items()) {
            CellKey key = CellKey.total(item.code());
            BigDecimal value = values.get(key);
            Given given = in.cells().get(key);
            if (value == null
                    || given == null
                    || (given.comment() != null && !given.comment().isBlank())) {
                continue;
            }
            Outlier outlier = outlier(value, in.history().getOrDefault(item.code(), List.of()));
            if (outlier != null) {
                problems.add(problem(
                        key,
                        "comment",
                        in.agencyName() + " usually returns between "
                                + plain(outlier.min()) + " and " + plain(outlier.max()) + " for this item; "
                                + plain(value)
                                + " is far outside that. Check the figure or explain it in the comment ("
                                + item.name() + ")"));
            }
        }
    }

    /** The usual range when {@code value} is an outlier against {@code history}; null when it is not. */
    static @Nullable Outlier outlier(BigDecimal value, Collection<BigDecimal> history) {
        if (history.size() < MIN_HISTORY) {
            return null;
        }
        double[] xs = history.stream().mapToDouble(BigDecimal::doubleValue).toArray();
        double mean = 0;
        for (double x : xs) {
            mean += x;
        }
        mean /= xs.length;
        double var = 0;
        for (double x : xs) {
            var += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(var / (xs.length - 1));
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double x : xs) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        double v = value.doubleValue();
        double widen = (max - min) * 0.5;
        boolean zOutlier = sd > 0 && Math.abs(v - mean) / sd > 3;
        boolean rangeOutlier = v < min - widen || v > max + widen;
        if (!zOutlier && !rangeOutlier) {
            return null;
        }
        return new Outlier(BigDecimal.valueOf(min), BigDecimal.valueOf(max));
    }

    record Outlier(BigDecimal min, BigDecimal max) {}

    /** The figure {@code raw} stands for under {@link NumberRule}; null when it is not a number. */
    static @Nullable BigDecimal parse(String raw) {
        return NumberRule.read(raw).value();
    }

    static @Nullable Breakdown breakdown(String kind) {
        for (Breakdown b : Breakdown.values()) {
            if (b.name().equals(kind)) {
                return b;
            }
        }
        return null;
    }

    static String describe(DataItem item, CellKey key) {
        return key.isTotal() ? item.name() + " (total)" : item.name() + " (" + key.value() + ")";
    }

    private static String describeKind(String kind) {
        Breakdown b = breakdown(kind);
        return b == null ? "\"" + kind + "\"" : b.label().toLowerCase(Locale.ROOT);
    }

    /** The figure exactly, as it would be typed back (never rounded: a form shows what a later save writes). */
    public static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** A limit in messages, with thousands separators so its size is readable. */
    static String grouped(BigDecimal value) {
        return String.format(Locale.UK, "%,d", value.toBigInteger());
    }

    private static CellProblem problem(CellKey key, String field, String message) {
        return new CellProblem(key.itemCode(), key.kind(), key.value(), field, message);
    }
}
