package org.safeguardinghub.performance.returns;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.performance.catalogue.DataItem;
import org.safeguardinghub.performance.returns.ReturnChecks.CellKey;
import org.safeguardinghub.performance.returns.ReturnChecks.Given;
import org.safeguardinghub.performance.returns.ReturnRecords.ValueRow;
import org.safeguardinghub.platform.security.Actor;

/**
 * The figures of one return as a save sees them: the items the agency supplies, the stored cells, and the cells the
 * save gives, merged into the cells to check. Works out what a save writes and what the audit trail records.
 */
public final class ReturnFigures {

    final List<DataItem> items;
    final Map<Long, DataItem> byId = new HashMap<>();
    final Map<String, DataItem> byCode = new HashMap<>();
    /** The stored figures by cell. */
    final Map<CellKey, ValueRow> stored = new HashMap<>();
    /** The cells to check: the stored ones, each replaced by the one given. */
    final Map<CellKey, Given> cells = new LinkedHashMap<>();

    ReturnFigures(List<DataItem> items) {
        this.items = items;
        items.forEach(i -> {
            byId.put(i.id(), i);
            byCode.put(i.code(), i);
        });
    }

    /** Adds the stored figures (once the item ids are known). */
    ReturnFigures withStored(List<ValueRow> values) {
        for (ValueRow v : values) {
            CellKey key = new CellKey(byId.get(v.itemId()).code(), v.kind(), v.breakdownValue());
            stored.put(key, v);
            cells.put(key, new Given(ReturnChecks.plain(v.value()), v.comment()));
        }
        return this;
    }

    /** The cells given, keyed and trimmed; each also replaces the stored cell among the cells to check. */
    Map<CellKey, Given> give(List<ValueEntry> entries) {
        Map<CellKey, Given> given = new LinkedHashMap<>();
        for (ValueEntry e : entries) {
            CellKey key = new CellKey(
                    e.itemCode().trim(),
                    e.breakdownKind().trim(),
                    e.breakdownValue().trim());
            ValueRow old = stored.get(key);
            String comment = e.comment() == null ? (old == null ? null : old.comment()) : blankToNull(e.comment());
            Given g = new Given(e.rawValue() == null ? "" : e.rawValue(), comment);
            given.put(key, g);
            cells.put(key, g);
        }
        return given;
    }

    /**
     * The figures a correction changes: blank cells are left as they are, and a figure equal to the stored one is
     * no change. Each also replaces the stored cell among the cells to check (keeping the stored comment).
     */
    Map<CellKey, Given> correct(List<ValueEntry> entries) {
        Map<CellKey, Given> changed = new LinkedHashMap<>();
        for (ValueEntry e : entries) {
            if (e.rawValue() == null || e.rawValue().isBlank()) {
                continue;
            }
            CellKey key = new CellKey(e.itemCode(), e.breakdownKind(), e.breakdownValue());
            ValueRow old = stored.get(key);
            BigDecimal parsed = ReturnChecks.parse(e.rawValue());
            if (old != null && parsed != null && parsed.compareTo(old.value()) == 0) {
                continue;
            }
            Given g = new Given(e.rawValue(), old == null ? null : old.comment());
            changed.put(key, g);
            cells.put(key, g);
        }
        return changed;
    }

    /** What a save writes: figures to delete (a cell emptied) and to write, with the audit's before and after. */
    static final class Changes {
        final List<Long> deletes = new ArrayList<>();
        final List<ReturnRecords.ValueWrite> writes = new ArrayList<>();
        final Map<String, Object> before = new LinkedHashMap<>();
        final Map<String, Object> after = new LinkedHashMap<>();
    }

    /**
     * What saving {@code given} changes in the return: the stored figures to delete and to write (new or changed
     * value or comment; unchanged cells are left alone), added to {@code changes}.
     */
    void changes(
            Actor actor,
            ReturnRow ret,
            Channel channel,
            Map<CellKey, Given> given,
            ReturnChecks.Result checked,
            Changes changes) {
        for (Map.Entry<CellKey, Given> e : given.entrySet()) {
            CellKey key = e.getKey();
            ValueRow old = stored.get(key);
            BigDecimal value = checked.values().get(key);
            String label = label(key);
            if (value == null) {
                if (old != null) {
                    changes.deletes.add(old.id());
                    changes.before.put(label, ReturnChecks.plain(old.value()));
                    changes.after.put(label, "");
                }
                continue;
            }
            String comment = e.getValue().comment();
            if (old != null && old.value().compareTo(value) == 0 && Objects.equals(old.comment(), comment)) {
                continue;
            }
            changes.writes.add(new ReturnRecords.ValueWrite(
                    ret.partnershipId(),
                    byCode.get(key.itemCode()).id(),
                    ret.agencyId(),
                    ret.id(),
                    ret.periodEnd(),
                    key.kind(),
                    key.value(),
                    value,
                    comment,
                    channel.name(),
                    actor.displayName()));
            changes.before.put(label, old == null ? "" : ReturnChecks.plain(old.value()));
            changes.after.put(label, ReturnChecks.plain(value));
        }
    }

    /**
     * Figures loaded from a published report (with their provenance) are the record of what was published; a return
     * for the same period may repeat them but never replace them, so a different value is a problem on that cell.
     */
    List<CellProblem> publishedFiguresKept(List<ReturnRecords.PublishedValue> published, Map<CellKey, Given> given) {
        List<CellProblem> problems = new ArrayList<>();
        for (ReturnRecords.PublishedValue p : published) {
            String code = byId.get(p.itemId()).code();
            Given g = given.get(new CellKey(code, p.kind(), p.breakdownValue()));
            if (g == null || g.raw().isBlank()) {
                continue;
            }
            BigDecimal typed;
            try {
                typed = new BigDecimal(g.raw().replace(",", "").trim());
            } catch (NumberFormatException e) {
                continue; // the type check reports it
            }
            if (typed.compareTo(p.value()) != 0) {
                problems.add(new CellProblem(
                        code,
                        p.kind(),
                        p.breakdownValue(),
                        "value",
                        byId.get(p.itemId()).name() + " for this period is a published figure ("
                                + ReturnChecks.plain(p.value()) + ", " + p.provenance()
                                + ") and is kept as published; enter " + ReturnChecks.plain(p.value())
                                + " or leave it blank"));
            }
        }
        return problems;
    }

    /** A problem with the return as a whole rather than one cell. */
    public static CellProblem onReturn(String field, String message) {
        return new CellProblem("", "", "", field, message);
    }

    static String label(CellKey key) {
        return key.isTotal() ? key.itemCode() : key.itemCode() + " " + key.kind() + " " + key.value();
    }

    private static @Nullable String blankToNull(String s) {
        return s.isBlank() ? null : s.trim();
    }
}
