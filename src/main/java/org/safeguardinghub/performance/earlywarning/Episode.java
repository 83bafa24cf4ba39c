package org.safeguardinghub.performance.earlywarning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A signal episode: one stretch of special cause variation on an indicator's chart, however many rules point at it.
 * The patterns the {@link MdcRules} find on neighbouring points (a trend, the run it turns into, the points outside
 * the limit at its end) going the same way are one episode, from the first point any of them covers to the last.
 *
 * <h2>The life of an episode</h2>
 *
 * <ul>
 *   <li><b>Starts</b>: a scan finds it reaching one of the latest {@value #CURRENT_PERIODS} periods of the series and
 *       no open episode of the indicator going the same way overlaps it. It is stored ({@code spc_episode}) and, when a
 *       pattern in it was confirmed on one of those latest periods ({@link #news}), the business team gets <em>one</em>
 *       task for it ("Early warning: special cause concern in ..."), however many rules it sets off and however many
 *       later scans see it again.
 *   <li><b>Current</b>: while it still reaches one of the latest {@value #CURRENT_PERIODS} periods it tags the
 *       indicator on the scorecard and is listed on the early-warning page. Each scan refreshes its extent, rules and
 *       explanation (a run that goes on gets longer).
 *   <li><b>Acknowledged</b>: someone on the business team records that the cause is known and what action was taken;
 *       the note is kept with who and when (audited) and the task closes. The episode still shows while current, with
 *       its acknowledgement.
 *   <li><b>Ended</b>: once the latest periods no longer show it (the figures went back within ordinary variation, or
 *       a correction removed the point), {@code ended_at} is set, the scorecard tag goes and an open task closes. A
 *       later episode is a new one with a new task. Older history stays on the chart and raises nothing.
 * </ul>
 *
 * @param from index of its first point
 * @param to index of its last point
 * @param found the patterns it is made of
 */
record Episode(int from, int to, Direction direction, List<MdcRules.Found> found) {

    /** How many of the latest periods an episode must reach to be current (and to raise a task). */
    static final int CURRENT_PERIODS = 3;

    /** Whether it reaches one of the latest {@value #CURRENT_PERIODS} of {@code size} points. */
    boolean current(int size) {
        return to >= size - CURRENT_PERIODS;
    }

    /**
     * Whether a pattern in it was confirmed on one of the latest {@value #CURRENT_PERIODS} of {@code size} points:
     * news, worth a task. A scan of years of history at once (the first scan, a catalogue import) records an older
     * episode that is still going on without a task.
     */
    boolean news(int size) {
        return found.stream().anyMatch(f -> f.index() >= size - CURRENT_PERIODS);
    }

    Set<SpcRule> rules() {
        Set<SpcRule> rules = EnumSet.noneOf(SpcRule.class);
        found.forEach(f -> rules.add(f.rule()));
        return rules;
    }

    /** The episodes the found patterns make: same direction, overlapping or next to each other. */
    static List<Episode> of(List<MdcRules.Found> found) {
        List<Episode> episodes = new ArrayList<>();
        for (Direction direction : Direction.values()) {
            List<MdcRules.Found> way = found.stream()
                    .filter(f -> f.direction() == direction)
                    .sorted(Comparator.comparingInt(MdcRules.Found::from))
                    .toList();
            int from = -1;
            int to = -1;
            List<MdcRules.Found> members = new ArrayList<>();
            for (MdcRules.Found f : way) {
                if (from >= 0 && f.from() > to + 1) {
                    episodes.add(new Episode(from, to, direction, List.copyOf(members)));
                    members.clear();
                    from = -1;
                }
                if (from < 0) {
                    from = f.from();
                    to = f.to();
                }
                to = Math.max(to, f.to());
                members.add(f);
            }
            if (from >= 0) {
                episodes.add(new Episode(from, to, direction, List.copyOf(members)));
            }
        }
        episodes.sort(Comparator.comparingInt(Episode::from));
        return episodes;
    }
}
