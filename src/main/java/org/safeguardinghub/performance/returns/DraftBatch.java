package org.safeguardinghub.performance.returns;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.safeguardinghub.performance.catalogue.Breakdown;
import org.safeguardinghub.performance.catalogue.DataItem;
import org.safeguardinghub.performance.catalogue.DataRule;
import org.safeguardinghub.performance.returns.ReturnChecks.CellKey;
import org.safeguardinghub.performance.returns.ReturnChecks.Given;
import org.safeguardinghub.performance.returns.ReturnRecords.ValueRow;
import org.safeguardinghub.platform.security.Actor;

/** What a batch of drafts (a record-level extract over many periods) reads once for all its periods. */
record DraftBatch(
        String agencyName,
        List<DataItem> items,
        Map<LocalDate, List<ValueRow>> storedByEnd,
        Map<LocalDate, List<ReturnRecords.PublishedValue>> publishedByEnd,
        Map<Breakdown, List<String>> breakdownValues,
        List<DataRule> rules) {

    /**
     * One period of the batch, checked as a draft save is: its problems (a return that is not open to the agency,
     * cells failing their checks, published figures replaced), or when there are none what it changes, added to
     * {@code changes}.
     */
    List<CellProblem> draft(
            Actor actor, ReturnRow ret, Channel channel, List<ValueEntry> entries, ReturnFigures.Changes changes) {
        String lock = DataReturn.of(ret).lockReason();
        if (lock != null) {
            return List.of(ReturnFigures.onReturn("return", lock));
        }
        ReturnFigures figures =
                new ReturnFigures(items).withStored(storedByEnd.getOrDefault(ret.periodEnd(), List.of()));
        Map<CellKey, Given> given = figures.give(entries);
        // a draft is not checked for outliers, so the agency's history is not needed
        ReturnChecks.Result checked = ReturnChecks.check(
                new ReturnChecks.Input(agencyName, items, breakdownValues, figures.cells, rules, Map.of(), false));
        List<CellProblem> problems = new ArrayList<>(checked.problems());
        problems.addAll(figures.publishedFiguresKept(publishedByEnd.getOrDefault(ret.periodEnd(), List.of()), given));
        if (problems.isEmpty()) {
            figures.changes(actor, ret, channel, given, checked, changes);
        }
        return List.copyOf(problems);
    }
}
