package org.safeguardinghub.performance.returns;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.performance.catalogue.Breakdown;
import org.safeguardinghub.performance.catalogue.DataItem;
import org.safeguardinghub.performance.returns.ReturnChecks.CellKey;
import org.safeguardinghub.performance.returns.ReturnTemplate.UploadProblem;

/** What the return page shows: the form's items and cells, the error summary's problems and the revisions. */
public final class ReturnPageViews {

    public static final String VALUE = "value|";
    public static final String COMMENT = "comment|";

    private ReturnPageViews() {}

    /** One input of the form. */
    record CellView(
            String id,
            String name,
            String commentName,
            String label,
            boolean total,
            String value,
            String comment,
            @Nullable String previous,
            List<String> valueErrors,
            List<String> commentErrors) {

        public boolean hasErrors() {
            return !valueErrors.isEmpty() || !commentErrors.isEmpty();
        }
    }

    record ItemView(DataItem item, List<CellView> cells) {}

    /** A problem in the error summary and the report table. */
    record ProblemView(String href, String item, String cell, String message) {}

    record RevisionView(
            String item, String cell, String oldValue, String newValue, String reason, String by, String at) {}

    /** The form's items, with each cell's id (for the error summary's links) and the items' names by code. */
    public record Form(List<ItemView> items, Map<CellKey, String> ids, Map<String, String> itemNames) {}

    /** What the form's cells hold: the stored (or typed) values and comments and the previous period's totals. */
    public record Cells(
            Map<CellKey, String> values, Map<CellKey, String> comments, Map<Long, BigDecimal> previousTotals) {}

    public static Form form(
            List<DataItem> items,
            Map<Breakdown, List<String>> breakdownValues,
            Cells shown,
            List<CellProblem> problems) {
        Map<CellKey, List<CellProblem>> byCell = new HashMap<>();
        problems.forEach(p -> byCell.computeIfAbsent(
                        new CellKey(p.itemCode(), p.breakdownKind(), p.breakdownValue()), k -> new ArrayList<>())
                .add(p));
        Map<CellKey, String> ids = new HashMap<>();
        Map<String, String> itemNames = new HashMap<>();
        List<ItemView> itemViews = new ArrayList<>();
        int n = 0;
        for (DataItem item : items) {
            itemNames.put(item.code(), item.name());
            List<CellView> cells = new ArrayList<>();
            for (CellKey key : ReturnTemplate.cells(item, breakdownValues)) {
                String id = "cell-" + (++n);
                ids.put(key, id);
                cells.add(cell(id, item, key, shown, byCell.getOrDefault(key, List.of())));
            }
            itemViews.add(new ItemView(item, cells));
        }
        return new Form(itemViews, ids, itemNames);
    }

    private static CellView cell(String id, DataItem item, CellKey key, Cells shown, List<CellProblem> cellProblems) {
        String name = key.itemCode() + "|" + key.kind() + "|" + key.value();
        BigDecimal prev = key.isTotal() ? shown.previousTotals().get(item.id()) : null;
        return new CellView(
                id,
                VALUE + name,
                COMMENT + name,
                key.isTotal() ? "Total" : breakdownLabel(key),
                key.isTotal(),
                shown.values().getOrDefault(key, ""),
                shown.comments().getOrDefault(key, ""),
                prev == null ? null : ReturnChecks.plain(prev),
                cellProblems.stream()
                        .filter(p -> !"comment".equals(p.field()))
                        .map(CellProblem::message)
                        .toList(),
                cellProblems.stream()
                        .filter(p -> "comment".equals(p.field()))
                        .map(CellProblem::message)
                        .toList());
    }

    /** The error summary: each problem linked to its cell (or field), then the upload's problems by row. */
    public static List<ProblemView> problems(
            Form form, List<CellProblem> problems, List<UploadProblem> uploadProblems) {
        List<ProblemView> problemViews = new ArrayList<>();
        for (CellProblem p : problems) {
            CellKey key = new CellKey(p.itemCode(), p.breakdownKind(), p.breakdownValue());
            String href;
            if ("commentary".equals(p.field())) {
                href = "#commentary-" + p.itemCode();
            } else if ("reason".equals(p.field())) {
                href = "#reason";
            } else if (form.ids().containsKey(key)) {
                href = "#" + form.ids().get(key) + ("comment".equals(p.field()) ? "-comment" : "");
            } else {
                href = "#figures";
            }
            problemViews.add(new ProblemView(
                    href,
                    "commentary".equals(p.field())
                            ? "Commentary"
                            : form.itemNames().getOrDefault(p.itemCode(), p.itemCode()),
                    p.breakdownKind().isEmpty() ? (p.itemCode().isEmpty() ? "" : "Total") : breakdownLabel(key),
                    p.message()));
        }
        for (UploadProblem u : uploadProblems) {
            problemViews.add(new ProblemView(
                    "#upload-file",
                    u.row() == 0 ? "File" : "Row " + u.row(),
                    u.column(),
                    (u.row() == 0
                                    ? ""
                                    : "Row " + u.row() + (u.column().isEmpty() ? "" : ", column " + u.column()) + ": ")
                            + u.message()));
        }
        return problemViews;
    }

    public static List<RevisionView> revisions(List<ReturnRecords.RevisionRow> rows) {
        return rows.stream()
                .map(r -> new RevisionView(
                        r.itemName(),
                        r.kind().isEmpty()
                                ? "Total"
                                : breakdownLabel(new CellKey(r.itemCode(), r.kind(), r.breakdownValue())),
                        r.oldValue() == null ? "None" : ReturnChecks.plain(r.oldValue()),
                        ReturnChecks.plain(r.newValue()),
                        r.reason(),
                        r.changedByName(),
                        DataReturn.date(r.changedAt())))
                .toList();
    }

    static String breakdownLabel(CellKey key) {
        Breakdown b = ReturnChecks.breakdown(key.kind());
        String kind = b == null ? key.kind() : b.label();
        String value = key.value();
        if (b == Breakdown.GENDER) {
            value = switch (value) {
                case "1" -> "1 (male)";
                case "2" -> "2 (female)";
                case "0" -> "0 (not known)";
                case "9" -> "9 (not specified)";
                default -> value;
            };
        }
        return kind + ": " + value;
    }
}
