package org.safeguardinghub.section11.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.organisation.Sector;
import org.safeguardinghub.platform.chart.HeatMap;
import org.safeguardinghub.section11.ReturnStatus;
import org.safeguardinghub.section11.analysis.AnalysisRecords.Cycle;
import org.safeguardinghub.section11.analysis.AnalysisRecords.ExpectedReturn;
import org.safeguardinghub.section11.analysis.AnalysisRecords.Loaded;
import org.safeguardinghub.section11.analysis.AnalysisRecords.Meeting;
import org.safeguardinghub.section11.analysis.AnalysisRecords.ScaleLevel;
import org.safeguardinghub.section11.analysis.AnalysisRecords.StandardHead;
import org.safeguardinghub.section11.analysis.AnalysisRecords.ThemeNote;
import org.safeguardinghub.section11.analysis.S11Maths.Change;
import org.safeguardinghub.section11.analysis.S11Maths.ChangeSummary;
import org.safeguardinghub.section11.analysis.S11Maths.Distribution;
import org.safeguardinghub.section11.analysis.S11Maths.Gap;
import org.safeguardinghub.section11.analysis.S11Maths.Rate;
import org.safeguardinghub.section11.analysis.S11Maths.Score;
import org.springframework.stereotype.Service;

/** Turns a cycle's loaded figures into what the analysis page, the downloads and the reports show. */
@Service
public class CycleAnalysis {

    private final AnalysisRecords data;

    CycleAnalysis(AnalysisRecords data) {
        this.data = data;
    }

    /** A heat-map cell: the number, its label, and a GOV.UK tag colour (never the only signal). */
    record Cell(String text, String label, @Nullable String tagClass) {}

    record HeatRow(String agency, String sector, ReturnStatus status, List<Cell> self, List<Cell> moderated) {}

    record SectorRate(String sector, Rate rate) {}

    record LevelCount(String label, int self, int moderated) {}

    record DistributionView(
            String code, String title, List<LevelCount> levels, BarChart chart, int selfTotal, int moderatedTotal) {}

    record GapRow(
            String key, String title, String meanSelf, String meanModerated, String gap, int paired, int selfHigher) {}

    record FullyRow(String code, String title, String self, String moderated) {}

    record ChangeRow(
            String key,
            String title,
            String previous,
            String current,
            String change,
            int compared,
            int improved,
            int declined) {}

    /** One line of the long-format data download. */
    public record DataRow(
            String agency,
            String sector,
            String code,
            String title,
            String self,
            String moderated,
            String previous,
            String previousBasis) {

        public List<String> cells() {
            return List.of(agency, sector, code, title, self, moderated, previous, previousBasis);
        }
    }

    public record Analysis(
            Cycle cycle,
            String partnershipName,
            Rate rate,
            List<SectorRate> sectors,
            List<StandardHead> standards,
            List<HeatRow> heat,
            List<DistributionView> distributions,
            List<GapRow> gapsByStandard,
            List<GapRow> gapsByAgency,
            int paired,
            int selfHigher,
            List<FullyRow> fullyMeeting,
            List<ChangeRow> changeByStandard,
            List<ChangeRow> changeByAgency,
            List<ThemeNote> notes,
            List<Meeting> meetings,
            List<DataRow> data,
            String scaleText) {

        public boolean hasPrevious() {
            return cycle.previousCycleId() != null;
        }

        public int moderatedReturns() {
            return (int) heat.stream()
                    .filter(h -> h.moderated().stream().anyMatch(c -> c.tagClass() != null))
                    .count();
        }
    }

    public Analysis analyse(Cycle cycle, long partnershipId, String partnershipName) {
        Loaded loaded = data.load(cycle, partnershipId);
        List<String> codes = loaded.standards().stream().map(StandardHead::code).toList();
        Map<String, String> titles = AnalysisRecords.titles(loaded.standards());
        List<Integer> levels = loaded.scale().stream().map(ScaleLevel::score).toList();
        Map<Integer, String> levelLabels = new LinkedHashMap<>();
        loaded.scale().forEach(l -> levelLabels.put(l.score(), l.label()));

        Rate rate = S11Maths.rate(
                loaded.expected().stream().map(ExpectedReturn::expected).toList());
        List<SectorRate> sectors = new ArrayList<>();
        S11Maths.rateBySector(
                        loaded.expected().stream().map(ExpectedReturn::expected).toList())
                .forEach((sector, r) -> sectors.add(new SectorRate(sectorLabel(sector), r)));

        List<HeatRow> heat = heat(loaded, codes, levelLabels);

        List<DistributionView> distributions = distributions(loaded, codes, titles, levels, levelLabels);

        List<GapRow> gapsByStandard = S11Maths.gapsByStandard(loaded.scores(), codes).stream()
                .map(g -> gapRow(g, titles.getOrDefault(g.key(), "")))
                .toList();
        List<GapRow> gapsByAgency = S11Maths.gapsByAgency(loaded.scores()).stream()
                .filter(g -> g.meanSelf() != null || g.meanModerated() != null)
                .map(g -> gapRow(g, ""))
                .toList();
        Gap overall = S11Maths.gap("All", loaded.scores());

        List<FullyRow> fully = S11Maths.fullyMeeting(loaded.scores(), codes).stream()
                .map(f -> new FullyRow(
                        f.standardCode(),
                        titles.get(f.standardCode()),
                        f.self() + " of " + f.selfScored(),
                        f.moderated() + " of " + f.moderatedScored()))
                .toList();

        List<Change> changes = S11Maths.changes(loaded.scores(), loaded.previousScores());
        List<ChangeRow> changeByStandard = S11Maths.changeByStandard(changes, codes).stream()
                .map(c -> changeRow(c, titles.getOrDefault(c.key(), "")))
                .toList();
        List<ChangeRow> changeByAgency = S11Maths.changeByAgency(changes).stream()
                .filter(c -> c.compared() > 0)
                .map(c -> changeRow(c, ""))
                .toList();

        List<DataRow> rows = dataRows(loaded, changes, titles);
        String scaleText = String.join(
                ", ",
                loaded.scale().stream().map(l -> l.score() + " " + l.label()).toList());
        return new Analysis(
                cycle,
                partnershipName,
                rate,
                sectors,
                loaded.standards(),
                heat,
                distributions,
                gapsByStandard,
                gapsByAgency,
                overall.paired(),
                overall.selfHigher(),
                fully,
                changeByStandard,
                changeByAgency,
                loaded.notes(),
                loaded.meetings(),
                rows,
                scaleText);
    }

    /** Per standard, how many returns gave each level, self-assessed and moderated. */
    private static List<DistributionView> distributions(
            Loaded loaded,
            List<String> codes,
            Map<String, String> titles,
            List<Integer> levels,
            Map<Integer, String> levelLabels) {
        List<DistributionView> distributions = new ArrayList<>();
        for (String code : codes) {
            Distribution d = S11Maths.distribution(loaded.scores(), code, levels);
            List<LevelCount> counts = new ArrayList<>();
            for (Integer level : d.self().keySet()) {
                counts.add(new LevelCount(
                        level + " " + levelLabels.getOrDefault(level, ""),
                        d.self().get(level),
                        d.moderated().getOrDefault(level, 0)));
            }
            distributions.add(new DistributionView(
                    code,
                    titles.get(code),
                    counts,
                    BarChart.of(code + " " + titles.get(code), counts),
                    d.selfTotal(),
                    d.moderatedTotal()));
        }
        return distributions;
    }

    /** One row per agency and standard: both scores this cycle and the score carried from the previous one. */
    private static List<DataRow> dataRows(Loaded loaded, List<Change> changes, Map<String, String> titles) {
        Map<String, Score> scoreByKey = new LinkedHashMap<>();
        loaded.scores().forEach(s -> scoreByKey.put(s.agencyId() + "|" + s.standardCode(), s));
        List<DataRow> rows = new ArrayList<>();
        for (Change c : changes) {
            Score s = scoreByKey.get(c.agencyId() + "|" + c.standardCode());
            rows.add(new DataRow(
                    c.agencyName(),
                    sectorLabel(s == null ? "" : s.sector()),
                    c.standardCode(),
                    titles.getOrDefault(c.standardCode(), ""),
                    s == null || s.self() == null ? "" : s.self().toString(),
                    s == null || s.moderated() == null ? "" : s.moderated().toString(),
                    c.previous().score() == null ? "" : c.previous().score().toString(),
                    c.previous().score() == null ? "" : c.previous().basis().label()));
        }
        return rows;
    }

    private static List<HeatRow> heat(Loaded loaded, List<String> codes, Map<Integer, String> levelLabels) {
        Map<Long, Map<String, Score>> byAgency = new LinkedHashMap<>();
        for (Score s : loaded.scores()) {
            byAgency.computeIfAbsent(s.agencyId(), k -> new LinkedHashMap<>()).put(s.standardCode(), s);
        }
        List<HeatRow> rows = new ArrayList<>();
        for (ExpectedReturn r : loaded.expected()) {
            Map<String, Score> scores = byAgency.getOrDefault(r.agencyId(), Map.of());
            List<Cell> self = new ArrayList<>();
            List<Cell> moderated = new ArrayList<>();
            for (String code : codes) {
                Score s = scores.get(code);
                String none = s == null ? "Not in this template" : "No score";
                self.add(cell(
                        s == null ? null : s.self(),
                        s == null ? 0 : s.maxScore(),
                        levelLabels,
                        r.status().received() ? none : "Not received"));
                moderated.add(cell(
                        s == null ? null : s.moderated(),
                        s == null ? 0 : s.maxScore(),
                        levelLabels,
                        r.status().received() ? (s == null ? none : "Not agreed yet") : "Not received"));
            }
            rows.add(new HeatRow(r.agencyName(), sectorLabel(r.sector()), r.status(), self, moderated));
        }
        return rows;
    }

    /** Red, orange, yellow, green by how far up the scale the score is; the label always says it in words. */
    static Cell cell(@Nullable Integer score, int max, Map<Integer, String> labels, String missing) {
        if (score == null) {
            return new Cell("–", missing, null);
        }
        return new Cell(String.valueOf(score), labels.getOrDefault(score, ""), HeatMap.tag(score, max));
    }

    private static GapRow gapRow(Gap g, String title) {
        return new GapRow(
                g.key(),
                title,
                S11Maths.oneDecimal(g.meanSelf()),
                S11Maths.oneDecimal(g.meanModerated()),
                S11Maths.signed(g.gap()),
                g.paired(),
                g.selfHigher());
    }

    private static ChangeRow changeRow(ChangeSummary c, String title) {
        return new ChangeRow(
                c.key(),
                title,
                S11Maths.oneDecimal(c.meanPrevious()),
                S11Maths.oneDecimal(c.meanCurrent()),
                S11Maths.signed(c.meanChange()),
                c.compared(),
                c.improved(),
                c.declined());
    }

    static String sectorLabel(String sector) {
        try {
            return Sector.valueOf(sector).label();
        } catch (IllegalArgumentException e) {
            return sector;
        }
    }
}
