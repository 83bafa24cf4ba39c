package org.safeguardinghub.section11.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safeguardinghub.section11.NoteKind;
import org.safeguardinghub.section11.analysis.AnalysisRecords.Meeting;
import org.safeguardinghub.section11.analysis.AnalysisRecords.StandardHead;
import org.safeguardinghub.section11.analysis.AnalysisRecords.ThemeNote;
import org.safeguardinghub.section11.analysis.CycleAnalysis.Analysis;
import org.safeguardinghub.section11.analysis.CycleAnalysis.Cell;
import org.safeguardinghub.section11.analysis.CycleAnalysis.ChangeRow;
import org.safeguardinghub.section11.analysis.CycleAnalysis.GapRow;
import org.safeguardinghub.section11.analysis.CycleAnalysis.HeatRow;

/**
 * Drafts the two documents of a cycle: the analysis report (return rate, heat map, gaps, fully meeting, cycle on
 * cycle) and the "emerging themes and promising practice" document from the panel's notes. The business team
 * downloads them as Word to edit before the partnership publishes its own version, or as PDF to circulate.
 */
public final class AnalysisReports {

    private AnalysisReports() {}

    public static ReportDocument report(Analysis a) {
        var doc = ReportDocument.titled(a.cycle().name() + ": Section 11 analysis (" + a.partnershipName() + ")");
        doc.paragraph("Section 11 of the Children Act 2004 requires agencies working with children to make"
                + " arrangements to safeguard and promote their welfare. This report sets out what agencies told the"
                + " partnership in their self-assessments, what the moderation panel agreed, and how this compares"
                + " with the previous cycle. Scores use the scale " + a.scaleText() + ". Moderated scores count once"
                + " the panel has agreed its final position on a return.");
        doc.heading("Returns received");
        doc.paragraph("Received: " + a.rate().text() + ". A return counts as received once submitted.");
        doc.table(
                "Return rate by sector",
                List.of("Sector", "Expected", "Received", "Rate"),
                a.sectors().stream()
                        .map(s -> List.of(
                                s.sector(),
                                String.valueOf(s.rate().expected()),
                                String.valueOf(s.rate().received()),
                                s.rate().percent() == null ? "–" : s.rate().percent() + "%"))
                        .toList());

        doc.heading("Standards by agency");
        doc.paragraph("Each agency's score on each standard: first as self-assessed, then as moderated.");
        doc.table("Self-assessed scores by agency", heatHeaders(a), heatRows(a, true));
        doc.table("Moderated scores by agency", heatHeaders(a), heatRows(a, false));

        doc.heading("Self-assessment compared with moderation");
        doc.paragraph("Of " + a.paired() + " standards scored both by the agency and by the panel, " + a.selfHigher()
                + " were self-assessed higher than the panel's moderated score. A positive gap means agencies rated"
                + " themselves higher than the panel did.");
        doc.table("Gap by standard", gapHeaders("Standard"), gapRows(a.gapsByStandard(), true));
        doc.table("Gap by agency", gapHeaders("Agency"), gapRows(a.gapsByAgency(), false));

        doc.heading("Agencies fully meeting each standard");
        doc.table(
                "Agencies scoring the top of the scale",
                List.of("Standard", "Self-assessed", "Moderated"),
                a.fullyMeeting().stream()
                        .map(f -> List.of(f.code() + " " + f.title(), f.self(), f.moderated()))
                        .toList());

        doc.heading("Impact from the previous cycle");
        if (!a.hasPrevious()) {
            doc.paragraph("This cycle has no previous cycle to compare with.");
        } else {
            doc.paragraph("Change from " + a.cycle().previousName() + " to "
                    + a.cycle().name() + ", comparing each"
                    + " agency's standard by its code. Each side uses the agreed moderated score where there is one,"
                    + " otherwise the self-assessed score; the data download says which for every row.");
            doc.table("Change by standard", changeHeaders("Standard"), changeRows(a.changeByStandard(), true));
            doc.table("Change by agency", changeHeaders("Agency"), changeRows(a.changeByAgency(), false));
        }
        return doc.build();
    }

    public static ReportDocument themes(Analysis a) {
        var doc = ReportDocument.titled(
                a.cycle().name() + ": emerging themes and promising practice (" + a.partnershipName() + ")");
        doc.paragraph("Drafted from the moderation panel's notes, standard by standard, and from the notes of its"
                + " panel meetings. It is a draft for the business team to edit before it is shared.");
        Map<String, List<ThemeNote>> byStandard = new LinkedHashMap<>();
        for (StandardHead s : a.standards()) {
            byStandard.put(s.code(), new ArrayList<>());
        }
        for (ThemeNote n : a.notes()) {
            byStandard.computeIfAbsent(n.standardCode(), k -> new ArrayList<>()).add(n);
        }
        Map<String, String> titles = AnalysisRecords.titles(a.standards());
        boolean any = false;
        for (var entry : byStandard.entrySet()) {
            if (entry.getValue().isEmpty()) {
                continue;
            }
            any = true;
            doc.heading(entry.getKey() + " " + titles.getOrDefault(entry.getKey(), ""));
            for (NoteKind kind : NoteKind.values()) {
                List<ThemeNote> notes = entry.getValue().stream()
                        .filter(n -> n.kind().equals(kind.name()))
                        .toList();
                if (notes.isEmpty()) {
                    continue;
                }
                doc.subheading(kind.label());
                for (ThemeNote n : notes) {
                    doc.paragraph(n.agencyName() + ": " + n.note());
                }
            }
        }
        if (!any) {
            doc.paragraph("The panel has not marked any notes as an emerging theme or promising practice yet.");
        }
        doc.heading("Panel meetings");
        if (a.meetings().isEmpty()) {
            doc.paragraph("No panel meetings have been recorded for this cycle.");
        }
        for (Meeting m : a.meetings()) {
            doc.subheading("Meeting on "
                    + m.heldOn()
                            .format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)));
            doc.paragraph("Attendees: " + m.attendees());
            if (!m.returnsDiscussed().isEmpty()) {
                doc.paragraph("Returns discussed: " + m.returnsDiscussed());
            }
            if (!m.notes().isBlank()) {
                doc.paragraph(m.notes());
            }
        }
        return doc.build();
    }

    private static List<String> heatHeaders(Analysis a) {
        List<String> headers = new ArrayList<>(List.of("Agency", "Status"));
        a.standards().forEach(s -> headers.add(s.code()));
        return headers;
    }

    private static List<List<String>> heatRows(Analysis a, boolean self) {
        List<List<String>> rows = new ArrayList<>();
        for (HeatRow h : a.heat()) {
            List<String> row = new ArrayList<>(List.of(h.agency(), h.status().label()));
            for (Cell c : self ? h.self() : h.moderated()) {
                row.add(c.tagClass() == null ? "–" : c.text() + " " + c.label());
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<String> gapHeaders(String first) {
        return List.of(first, "Mean self-assessed", "Mean moderated", "Gap", "Both scored", "Self-assessed higher");
    }

    private static List<List<String>> gapRows(List<GapRow> gaps, boolean titled) {
        return gaps.stream()
                .map(g -> List.of(
                        titled ? g.key() + " " + g.title() : g.key(),
                        g.meanSelf(),
                        g.meanModerated(),
                        g.gap(),
                        String.valueOf(g.paired()),
                        String.valueOf(g.selfHigher())))
                .toList();
    }

    private static List<String> changeHeaders(String first) {
        return List.of(first, "Previous mean", "This cycle's mean", "Change", "Compared", "Improved", "Declined");
    }

    private static List<List<String>> changeRows(List<ChangeRow> changes, boolean titled) {
        return changes.stream()
                .map(c -> List.of(
                        titled ? c.key() + " " + c.title() : c.key(),
                        c.previous(),
                        c.current(),
                        c.change(),
                        String.valueOf(c.compared()),
                        String.valueOf(c.improved()),
                        String.valueOf(c.declined())))
                .toList();
    }
}
