package org.safeguardinghub.performance.earlywarning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rules NHS England's "Making Data Count" uses to tell special cause variation (something has changed) from
 * common cause variation (the ordinary noise of a stable process), each a small class that finds its pattern on an
 * XmR {@link ControlChart}. Together they raise a false alarm on a stable monthly series a few times a decade, which
 * is why early warning groups what they find into episodes ({@link Episode}) and raises one task per episode.
 *
 * <p>Every rule compares a point with its own phase's centre line and limits, so a recorded change that re-based the
 * limits applies from its point on.
 */
final class MdcRules {

    /** A pattern found: the point where it is first confirmed, the points it covers (inclusive), rule, direction. */
    record Found(int index, int from, int to, SpcRule rule, Direction direction) {}

    /** One rule: every place its pattern occurs on the chart. */
    interface Rule {
        List<Found> find(ControlChart chart);
    }

    static final List<Rule> ALL =
            List.of(new OutsideLimits(), new RunOnOneSide(), new TrendRisingOrFalling(), new TwoOfThreeNearALimit());

    private MdcRules() {}

    /** Everything every rule finds, in the order of their points. */
    static List<Found> find(ControlChart chart) {
        List<Found> found = new ArrayList<>();
        for (Rule rule : ALL) {
            found.addAll(rule.find(chart));
        }
        found.sort(Comparator.comparingInt(Found::index).thenComparing(Found::rule));
        return found;
    }

    /**
     * A single point above the upper or below the lower control limit (a point exactly on a limit is inside). The
     * limits are three sigma from the centre: a stable process puts about 3 points in 1,000 outside by chance.
     */
    static final class OutsideLimits implements Rule {
        @Override
        public List<Found> find(ControlChart c) {
            List<Found> found = new ArrayList<>();
            for (int i = 0; i < c.size(); i++) {
                if (c.value(i) > c.upper(i)) {
                    found.add(new Found(i, i, i, SpcRule.OUTSIDE_LIMITS, Direction.UP));
                } else if (c.value(i) < c.lower(i)) {
                    found.add(new Found(i, i, i, SpcRule.OUTSIDE_LIMITS, Direction.DOWN));
                }
            }
            return found;
        }
    }

    /**
     * A run: {@value #LENGTH} or more points in a row on the same side of the centre line (a point exactly on the
     * line ends the run): a sustained shift in level. One signal per run, placed where it reaches seven.
     */
    static final class RunOnOneSide implements Rule {
        static final int LENGTH = 7;

        @Override
        public List<Found> find(ControlChart c) {
            List<Found> found = new ArrayList<>();
            int n = c.size();
            int start = 0;
            while (start < n) {
                int side = Double.compare(c.value(start), c.centre(start));
                int end = start;
                while (side != 0 && end + 1 < n && Double.compare(c.value(end + 1), c.centre(end + 1)) == side) {
                    end++;
                }
                if (side != 0 && end - start + 1 >= LENGTH) {
                    found.add(new Found(
                            start + LENGTH - 1,
                            start,
                            end,
                            SpcRule.RUN_OF_7,
                            side > 0 ? Direction.UP : Direction.DOWN));
                }
                start = end + 1;
            }
            return found;
        }
    }

    /**
     * A trend: {@value #LENGTH} or more points in a row each higher than the one before, or each lower (an equal pair
     * ends it): a steady drift. One signal per trend, placed where it reaches six.
     */
    static final class TrendRisingOrFalling implements Rule {
        static final int LENGTH = 6;

        @Override
        public List<Found> find(ControlChart c) {
            List<Found> found = new ArrayList<>();
            int n = c.size();
            int start = 0;
            while (start < n - 1) {
                int step = Double.compare(c.value(start + 1), c.value(start));
                int end = start + 1;
                while (step != 0 && end + 1 < n && Double.compare(c.value(end + 1), c.value(end)) == step) {
                    end++;
                }
                if (step != 0 && end - start + 1 >= LENGTH) {
                    found.add(new Found(
                            start + LENGTH - 1,
                            start,
                            end,
                            SpcRule.TREND_OF_6,
                            step > 0 ? Direction.UP : Direction.DOWN));
                }
                start = step == 0 ? start + 1 : end;
            }
            return found;
        }
    }

    /**
     * Two of three points in a row more than two sigma from the centre line on the same side (close to or beyond a
     * limit): a shift too small to cross a limit but too large for chance. Placed on the second such point.
     */
    static final class TwoOfThreeNearALimit implements Rule {
        @Override
        public List<Found> find(ControlChart c) {
            List<Found> found = new ArrayList<>();
            for (int i = 1; i < c.size(); i++) {
                for (Direction d : Direction.values()) {
                    if (!near(c, i, d)) {
                        continue;
                    }
                    int from = near(c, i - 1, d) ? i - 1 : (i >= 2 && near(c, i - 2, d) ? i - 2 : -1);
                    if (from >= 0) {
                        found.add(new Found(i, from, i, SpcRule.TWO_OF_THREE, d));
                    }
                }
            }
            return found;
        }

        private static boolean near(ControlChart c, int i, Direction d) {
            double distance = c.value(i) - c.centre(i);
            return d == Direction.UP ? distance > 2 * c.sigma(i) : -distance > 2 * c.sigma(i);
        }
    }
}
