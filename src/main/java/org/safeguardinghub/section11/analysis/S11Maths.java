package org.safeguardinghub.section11.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The arithmetic of a Section 11 cycle's analysis, with no database and no Spring: return rate, score
 * distributions, means, the gap between self-assessed and moderated scores, agencies fully meeting each standard,
 * and the change from the previous cycle. A {@code null} score means not scored or not applicable; it never counts
 * as zero.
 */
public final class S11Maths {

    private S11Maths() {}

    /**
     * One agency's scores on one standard in one cycle. {@code moderated} is the agreed moderated score of the
     * partnership the analysis is for (null until its panel agrees a final position); {@code maxScore} is the top of
     * the template's scale, so "fully meeting" works whatever the scale.
     */
    public record Score(
            long agencyId,
            String agencyName,
            String sector,
            String standardCode,
            @Nullable Integer self,
            @Nullable Integer moderated,
            int maxScore) {}

    /** An expected return: the agency's sector and whether it has been received (submitted or moderated). */
    public record Expected(String sector, boolean received) {}

    public record Rate(int expected, int received) {

        /** Whole per cent received, or null when nothing was expected (a rate of nothing is not 0%). */
        public @Nullable Integer percent() {
            return expected == 0 ? null : (int) Math.round(100.0 * received / expected);
        }

        public String text() {
            Integer p = percent();
            return p == null ? "No returns expected" : received + " of " + expected + " (" + p + "%)";
        }
    }

    public static Rate rate(Collection<Expected> expected) {
        int received = (int) expected.stream().filter(Expected::received).count();
        return new Rate(expected.size(), received);
    }

    /** The return rate of each sector, sectors in alphabetical order. */
    public static Map<String, Rate> rateBySector(Collection<Expected> expected) {
        Map<String, List<Expected>> bySector = new TreeMap<>();
        for (Expected e : expected) {
            bySector.computeIfAbsent(e.sector(), k -> new ArrayList<>()).add(e);
        }
        Map<String, Rate> rates = new LinkedHashMap<>();
        bySector.forEach((sector, list) -> rates.put(sector, rate(list)));
        return rates;
    }

    /** The mean of the values given, ignoring nulls; null when there are none. */
    public static @Nullable Double mean(Collection<@Nullable Integer> values) {
        int n = 0;
        long sum = 0;
        for (Integer v : values) {
            if (v != null) {
                n++;
                sum += v;
            }
        }
        return n == 0 ? null : (double) sum / n;
    }

    /** How many agencies scored each level of the scale on one standard, self-assessed and moderated. */
    public record Distribution(String standardCode, Map<Integer, Integer> self, Map<Integer, Integer> moderated) {

        public int selfTotal() {
            return self.values().stream().mapToInt(Integer::intValue).sum();
        }

        public int moderatedTotal() {
            return moderated.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * The distribution of scores on a standard over the scale's levels (every level present, zero when no agency
     * scored it). A score outside the levels is still counted under its own value, so nothing silently disappears.
     */
    public static Distribution distribution(Collection<Score> scores, String standardCode, List<Integer> levels) {
        Map<Integer, Integer> self = new TreeMap<>();
        Map<Integer, Integer> moderated = new TreeMap<>();
        for (int level : levels) {
            self.put(level, 0);
            moderated.put(level, 0);
        }
        for (Score s : scores) {
            if (!s.standardCode().equals(standardCode)) {
                continue;
            }
            if (s.self() != null) {
                self.merge(s.self(), 1, Integer::sum);
            }
            if (s.moderated() != null) {
                moderated.merge(s.moderated(), 1, Integer::sum);
            }
        }
        return new Distribution(standardCode, self, moderated);
    }

    /**
     * Self-assessed against moderated scores for one standard or one agency: the means of each, the mean gap (self
     * minus moderated) over the pairs that have both, and how many pairs were self-assessed higher than moderated.
     */
    public record Gap(
            String key,
            @Nullable Double meanSelf,
            @Nullable Double meanModerated,
            @Nullable Double gap,
            int paired,
            int selfHigher) {}

    public static List<Gap> gapsByStandard(Collection<Score> scores, List<String> standardCodes) {
        List<Gap> gaps = new ArrayList<>();
        for (String code : standardCodes) {
            gaps.add(gap(
                    code,
                    scores.stream().filter(s -> s.standardCode().equals(code)).toList()));
        }
        return gaps;
    }

    /** One gap per agency (keyed by agency name), in the order agencies first appear. */
    public static List<Gap> gapsByAgency(Collection<Score> scores) {
        return groupBy(scores, Score::agencyName).entrySet().stream()
                .map(e -> gap(e.getKey(), e.getValue()))
                .toList();
    }

    static Gap gap(String key, Collection<Score> scores) {
        List<@Nullable Integer> self = new ArrayList<>();
        List<@Nullable Integer> moderated = new ArrayList<>();
        int paired = 0;
        int higher = 0;
        long difference = 0;
        for (Score s : scores) {
            self.add(s.self());
            moderated.add(s.moderated());
            if (s.self() != null && s.moderated() != null) {
                paired++;
                difference += s.self() - s.moderated();
                if (s.self() > s.moderated()) {
                    higher++;
                }
            }
        }
        return new Gap(
                key, mean(self), mean(moderated), paired == 0 ? null : (double) difference / paired, paired, higher);
    }

    /** How many agencies scored a standard at the top of their scale, self-assessed and moderated, of those scored. */
    public record FullyMeeting(String standardCode, int self, int selfScored, int moderated, int moderatedScored) {}

    public static List<FullyMeeting> fullyMeeting(Collection<Score> scores, List<String> standardCodes) {
        List<FullyMeeting> result = new ArrayList<>();
        for (String code : standardCodes) {
            int self = 0;
            int selfScored = 0;
            int moderated = 0;
            int moderatedScored = 0;
            for (Score s : scores) {
                if (!s.standardCode().equals(code)) {
                    continue;
                }
                if (s.self() != null) {
                    selfScored++;
                    if (s.self() == s.maxScore()) {
                        self++;
                    }
                }
                if (s.moderated() != null) {
                    moderatedScored++;
                    if (s.moderated() == s.maxScore()) {
                        moderated++;
                    }
                }
            }
            result.add(new FullyMeeting(code, self, selfScored, moderated, moderatedScored));
        }
        return result;
    }

    /** Which score a cycle-on-cycle comparison used for one side: the agreed moderated score where there is one. */
    public enum Basis {
        MODERATED("moderated"),
        SELF("self-assessed"),
        NONE("no score");

        private final String label;

        Basis(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The score a comparison uses: moderated where agreed, else the self-score, and which it was. */
    public record Best(@Nullable Integer score, Basis basis) {

        static Best of(@Nullable Score s) {
            if (s == null) {
                return new Best(null, Basis.NONE);
            }
            if (s.moderated() != null) {
                return new Best(s.moderated(), Basis.MODERATED);
            }
            if (s.self() != null) {
                return new Best(s.self(), Basis.SELF);
            }
            return new Best(null, Basis.NONE);
        }
    }

    /** One agency and standard in this cycle against the previous one; change is null unless both have a score. */
    public record Change(long agencyId, String agencyName, String standardCode, Best previous, Best current) {

        public @Nullable Integer change() {
            return previous.score() == null || current.score() == null ? null : current.score() - previous.score();
        }
    }

    /**
     * Matches this cycle's scores to the previous cycle's by agency and standard code (codes are stable across
     * templates and versions, ids are not). Every current score appears once, with an empty previous side when the
     * agency or the standard was not in the previous cycle.
     */
    public static List<Change> changes(Collection<Score> current, Collection<Score> previous) {
        Map<String, Score> before = new HashMap<>();
        for (Score p : previous) {
            before.put(p.agencyId() + "|" + p.standardCode(), p);
        }
        List<Change> changes = new ArrayList<>();
        for (Score c : current) {
            changes.add(new Change(
                    c.agencyId(),
                    c.agencyName(),
                    c.standardCode(),
                    Best.of(before.get(c.agencyId() + "|" + c.standardCode())),
                    Best.of(c)));
        }
        return changes;
    }

    /** Cycle-on-cycle change summed up for one standard or agency, over the pairs scored in both cycles. */
    public record ChangeSummary(
            String key,
            @Nullable Double meanPrevious,
            @Nullable Double meanCurrent,
            @Nullable Double meanChange,
            int compared,
            int improved,
            int declined) {}

    public static List<ChangeSummary> changeByStandard(Collection<Change> changes, List<String> standardCodes) {
        List<ChangeSummary> result = new ArrayList<>();
        for (String code : standardCodes) {
            result.add(summarise(
                    code,
                    changes.stream().filter(c -> c.standardCode().equals(code)).toList()));
        }
        return result;
    }

    public static List<ChangeSummary> changeByAgency(Collection<Change> changes) {
        return groupBy(changes, Change::agencyName).entrySet().stream()
                .map(e -> summarise(e.getKey(), e.getValue()))
                .toList();
    }

    static ChangeSummary summarise(String key, Collection<Change> changes) {
        List<@Nullable Integer> before = new ArrayList<>();
        List<@Nullable Integer> after = new ArrayList<>();
        List<@Nullable Integer> delta = new ArrayList<>();
        int improved = 0;
        int declined = 0;
        for (Change c : changes) {
            Integer d = c.change();
            if (d == null) {
                continue;
            }
            before.add(c.previous().score());
            after.add(c.current().score());
            delta.add(d);
            if (d > 0) {
                improved++;
            } else if (d < 0) {
                declined++;
            }
        }
        return new ChangeSummary(key, mean(before), mean(after), mean(delta), delta.size(), improved, declined);
    }

    /** A mean to one decimal place, or a dash when there is none. */
    public static String oneDecimal(@Nullable Double value) {
        return value == null ? "–" : String.format(Locale.UK, "%.1f", value);
    }

    /** A change with its sign (+0.5, −0.3, 0.0), or a dash when there is none. */
    public static String signed(@Nullable Double value) {
        if (value == null) {
            return "–";
        }
        String text = String.format(Locale.UK, "%.1f", Math.abs(value));
        if (text.equals("0.0")) {
            return "0.0";
        }
        return (value > 0 ? "+" : "−") + text;
    }

    /** Standard codes in natural order: S2 before S10. */
    public static final Comparator<String> STANDARD_ORDER = Comparator.comparing((String c) -> c.replaceAll("\\d", ""))
            .thenComparingInt(c -> {
                String digits = c.replaceAll("\\D", "");
                return digits.isEmpty() ? 0 : Integer.parseInt(digits);
            })
            .thenComparing(Function.identity());

    private static <T> Map<String, List<T>> groupBy(Collection<T> items, Function<T, String> key) {
        Map<String, List<T>> groups = new LinkedHashMap<>();
        for (T item : items) {
            groups.computeIfAbsent(Objects.requireNonNull(key.apply(item)), k -> new ArrayList<>())
                    .add(item);
        }
        return groups;
    }
}
