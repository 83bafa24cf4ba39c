package org.safeguardinghub.performance.returns;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.calendar.WorkingDayCalendar;
import org.safeguardinghub.organisation.AgencySummary;
import org.safeguardinghub.organisation.DistrictSummary;
import org.safeguardinghub.organisation.Organisation;
import org.safeguardinghub.performance.catalogue.Breakdown;
import org.safeguardinghub.performance.catalogue.Catalogue;
import org.safeguardinghub.performance.catalogue.DataItem;
import org.safeguardinghub.performance.catalogue.Frequency;
import org.safeguardinghub.performance.catalogue.Period;
import org.safeguardinghub.performance.catalogue.Rag;
import org.safeguardinghub.performance.compute.IndicatorCalculator;
import org.safeguardinghub.performance.compute.IndicatorPreview;
import org.safeguardinghub.performance.returns.ReturnChecks.CellKey;
import org.safeguardinghub.performance.returns.ReturnChecks.Given;
import org.safeguardinghub.performance.returns.ReturnRecords.ValueRow;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Agencies' data returns: the one way figures get into a return, whatever the channel (form, spreadsheet upload,
 * API, record-level extract). Loads the return, checks every cell, asks the {@link DataReturn} lifecycle for the move
 * and saves all or nothing.
 *
 * <p>A return is one agency's figures for one frequency (monthly, quarterly or annual) and one period: every active
 * item the agency supplies at that frequency, in total and by each breakdown the item declares. It is due 15 working
 * days after the period ends (England's bank holidays). The daily chasing job ({@code ReturnChasing}) opens a draft
 * for the latest ended period and gives the agency lead a task, which shows as overdue after the due date. Its
 * lifecycle (draft, submitted, returned, accepted, corrected by revisions) is described on {@link DataReturn}.
 *
 * <p>Saving keeps even incomplete figures; only cells that fail the type and range checks stop a save. Submitting
 * also needs every required total, a comment on every outlier and commentary on every indicator the figures would
 * turn red. Accepting sets each figure's {@code first_value} ("as first published") and recomputes the indicators
 * reading its items; a correction gives each changed figure a {@code data_value_revision} row (old value, new value,
 * who, when, why), keeps {@code first_value} and recomputes the indicators.
 *
 * <p>This follows DHIS2's data approval (reference.md 2.1): data entered, submitted and approved at a level, after
 * which the data set is locked for that period and organisation unit with a message naming who approved it and when,
 * and changes need the approval to be undone by someone with the authority. Here the lock is never undone: corrections
 * are explicit revisions so "as first published" and "latest" both stay answerable, as Kent's annual reports need.
 *
 * <p>CONTRACT: helper C (API, extracts) calls {@link #save}.
 */
@Service
public class DataReturns {

    static final String TASK = "data-return";
    static final String REVIEW_TASK = "data-return-review";
    static final int DUE_WORKING_DAYS = 15;
    static final List<String> GENDERS = List.of("1", "2", "0", "9");
    /** The DfE children-in-need census ethnicity codes. */
    static final List<String> ETHNICITIES = List.of(
            "WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH",
            "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT");

    private static final String AUDIT_TYPE = "data-return";

    private final ReturnRecords store;
    private final Catalogue catalogue;
    private final IndicatorCalculator calculator;
    private final Organisation organisation;
    private final AuditTrail audit;
    private final ReturnTasks tasks;
    private final Clock clock;

    DataReturns(
            ReturnRecords store,
            Catalogue catalogue,
            IndicatorCalculator calculator,
            Organisation organisation,
            AuditTrail audit,
            ReturnTasks tasks,
            Clock clock) {
        this.store = store;
        this.catalogue = catalogue;
        this.calculator = calculator;
        this.organisation = organisation;
        this.audit = audit;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** What saving does: keep a draft, check as for submitting (write nothing), submit, or check as for a draft. */
    public enum Mode {
        DRAFT,
        CHECK,
        SUBMIT,
        CHECK_DRAFT;

        boolean submitting() {
            return this == CHECK || this == SUBMIT;
        }

        boolean writes() {
            return this == DRAFT || this == SUBMIT;
        }
    }

    /** A save's result with the indicators the figures would turn red (to ask for commentary on them). */
    public record Outcome(SaveResult result, List<IndicatorPreview> red) {}

    /**
     * Saves figures into the agency's return for the period ending {@code periodEnd} (creating the draft return if
     * there is none). An agency-scoped actor may only save for their own agency (another agency: NotFoundException).
     * With {@code submit} the return is also submitted, which additionally requires every required item, a comment
     * on every outlier and commentary on every indicator the figures would turn red ({@code commentary} by
     * indicator code). An accepted return is locked: a problem says so, with who accepted it and when.
     */
    @Transactional
    public SaveResult save(
            Actor actor,
            long agencyId,
            Frequency frequency,
            LocalDate periodEnd,
            List<ValueEntry> entries,
            Map<String, String> commentary,
            Channel channel,
            boolean submit) {
        AgencySummary agency = agencyInScope(actor, agencyId);
        Period period = Period.endingOn(frequency, periodEnd);
        ReturnRow ret = store.ensure(actor.partnershipId(), agency.id(), period, dueOn(period));
        return apply(actor, ret, null, entries, commentary, channel, submit ? Mode.SUBMIT : Mode.DRAFT)
                .result();
    }

    /** The first period whose return refused a batch of drafts, with its problems; nothing was written. */
    public record RefusedPeriod(LocalDate periodEnd, List<CellProblem> problems) {}

    /**
     * Saves figures for many periods of one frequency into the agency's draft returns (channel {@code channel}, not
     * submitted), as {@link #save} does one period at a time, but with the catalogue, the stored figures and the
     * returns read once and the figures written in one batch: a record-level extract covers up to ten years of
     * months. Each return gets the same checks, version, channel and audit entry as a single save. When any return
     * refuses its figures, nothing is written and the first such period (in date order) is returned with its
     * problems; the caller's transaction is to be rolled back as for a refused {@link #save}.
     */
    @Transactional
    public Optional<RefusedPeriod> saveDrafts(
            Actor actor,
            long agencyId,
            Frequency frequency,
            SortedMap<LocalDate, List<ValueEntry>> entriesByPeriodEnd,
            Channel channel) {
        AgencySummary agency = agencyInScope(actor, agencyId);
        if (entriesByPeriodEnd.isEmpty()) {
            return Optional.empty();
        }
        List<Period> periods = entriesByPeriodEnd.keySet().stream()
                .map(end -> Period.endingOn(frequency, end))
                .toList();
        Map<LocalDate, ReturnRow> returnsByEnd =
                store.ensureAll(actor.partnershipId(), agency.id(), periods, DataReturns::dueOn);
        List<DataItem> items = itemsOf(returnsByEnd.values().iterator().next());
        Set<Long> itemIds = new ReturnFigures(items).byId.keySet();
        List<LocalDate> ends = periods.stream().map(Period::end).toList();
        DraftBatch batch = new DraftBatch(
                agencyName(agency.id()),
                items,
                store.valuesAll(actor.partnershipId(), agency.id(), itemIds, ends),
                store.publishedAll(actor.partnershipId(), agency.id(), itemIds, ends),
                breakdownValues(actor.partnershipId()),
                catalogue.rules(actor.partnershipId()));
        ReturnFigures.Changes changes = new ReturnFigures.Changes();
        List<ReturnRow> saved = new ArrayList<>();
        List<ReturnFigures.Changes> audited = new ArrayList<>();
        for (Period period : periods) {
            ReturnRow ret = returnsByEnd.get(period.end());
            ReturnFigures.Changes one = new ReturnFigures.Changes();
            List<CellProblem> problems = batch.draft(actor, ret, channel, entriesByPeriodEnd.get(period.end()), one);
            if (!problems.isEmpty()) {
                return Optional.of(new RefusedPeriod(period.end(), problems));
            }
            changes.deletes.addAll(one.deletes);
            changes.writes.addAll(one.writes);
            saved.add(ret);
            audited.add(one);
        }
        changes.deletes.forEach(store::deleteValue);
        store.upsertValues(changes.writes);
        if (!store.touchAll(saved.stream().map(ReturnRow::id).toList(), channel.name())) {
            throw new ConcurrentEditException("This return");
        }
        for (int i = 0; i < saved.size(); i++) {
            audit.changed(
                    AuditAction.UPDATE, AUDIT_TYPE, saved.get(i).id(), audited.get(i).before, audited.get(i).after);
        }
        return Optional.empty();
    }

    /** As {@link #save} for a return the user has open, checking nobody changed it since {@code version}. */
    @Transactional
    public Outcome save(
            Actor actor,
            long returnId,
            int version,
            List<ValueEntry> entries,
            Map<String, String> commentary,
            Channel channel,
            Mode mode) {
        ReturnRow ret = lock(actor, returnId);
        return apply(actor, ret, version, entries, commentary, channel, mode);
    }

    /**
     * The due date of a period's return: 15 working days after it ends. The calendar answers for any later year
     * (projecting bank holidays after the official list); a period before it starts (an extract reaching back before
     * 2014) is due 15 weekdays after it ends, rather than refused with an error the user cannot act on.
     */
    static LocalDate dueOn(Period period) {
        WorkingDayCalendar calendar = WorkingDayCalendar.england();
        LocalDate end = period.end();
        if (end.isBefore(calendar.firstCovered())) {
            LocalDate due = end;
            for (int counted = 0; counted < DUE_WORKING_DAYS; ) {
                due = due.plusDays(1);
                if (due.getDayOfWeek() != DayOfWeek.SATURDAY && due.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    counted++;
                }
            }
            return due;
        }
        return calendar.addWorkingDays(end, DUE_WORKING_DAYS);
    }

    /** Checks the figures given for the return and, unless only checking, saves (and submits) them. */
    private Outcome apply(
            Actor actor,
            ReturnRow row,
            @Nullable Integer version,
            List<ValueEntry> entries,
            Map<String, String> commentary,
            Channel channel,
            Mode mode) {
        DataReturn ret = DataReturn.of(row);
        if (version != null) {
            ret.requireVersion(version);
        }
        String lock = ret.lockReason();
        if (lock != null) {
            return new Outcome(
                    new SaveResult(row.id(), row.status(), false, List.of(ReturnFigures.onReturn("return", lock))),
                    List.of());
        }
        String agencyName = agencyName(row.agencyId());
        ReturnFigures figures = figures(row);
        Map<CellKey, Given> given = figures.give(entries);
        Map<String, List<BigDecimal>> history = new HashMap<>();
        store.history(row.partnershipId(), row.agencyId(), figures.byId.keySet(), row.periodEnd())
                .forEach((id, values) -> history.put(figures.byId.get(id).code(), values));
        ReturnChecks.Result checked = ReturnChecks.check(new ReturnChecks.Input(
                agencyName,
                figures.items,
                breakdownValues(row.partnershipId()),
                figures.cells,
                catalogue.rules(row.partnershipId()),
                history,
                mode.submitting()));
        List<CellProblem> problems = new ArrayList<>(checked.problems());
        problems.addAll(figures.publishedFiguresKept(
                store.published(row.partnershipId(), row.agencyId(), figures.byId.keySet(), row.periodEnd()), given));
        List<IndicatorPreview> red = mode.submitting() ? red(row, checked, commentary, problems) : List.of();
        if (!problems.isEmpty() || !mode.writes()) {
            return new Outcome(new SaveResult(row.id(), row.status(), false, List.copyOf(problems)), red);
        }
        ReturnFigures.Changes changes = new ReturnFigures.Changes();
        figures.changes(actor, row, channel, given, checked, changes);
        changes.deletes.forEach(store::deleteValue);
        store.upsertValues(changes.writes);
        if (mode == Mode.SUBMIT) {
            ret.submit(actor.displayName(), channel, clock.instant());
            changes.before.put("status", row.status().name());
            changes.after.put("status", ret.status().name());
            writeCommentary(actor, row, red, commentary, changes);
        } else {
            ret.saveFigures(channel);
        }
        saveOrConflict(ret);
        audit.changed(AuditAction.UPDATE, AUDIT_TYPE, row.id(), changes.before, changes.after);
        if (mode == Mode.SUBMIT) {
            tasks.submitted(row, agencyName);
        }
        return new Outcome(new SaveResult(row.id(), ret.status(), true, List.of()), red);
    }

    /**
     * The indicators the figures would turn red, adding a problem for each without commentary (submitting needs
     * the agency to explain every red indicator).
     */
    private List<IndicatorPreview> red(
            ReturnRow ret, ReturnChecks.Result checked, Map<String, String> commentary, List<CellProblem> problems) {
        if (checked.totals().isEmpty()) {
            return List.of();
        }
        Map<String, BigDecimal> totals = checked.totals();
        List<IndicatorPreview> red =
                SystemScope.call(() -> calculator.preview(ret.partnershipId(), ret.periodEnd(), totals)).stream()
                        .filter(p -> p.rag() == Rag.RED)
                        .toList();
        for (IndicatorPreview p : red) {
            if (isBlank(commentary.get(p.code()))) {
                problems.add(new CellProblem(
                        p.code(),
                        "",
                        "",
                        "commentary",
                        "With these figures " + p.name() + " would be red (" + p.display()
                                + "). Explain why in the commentary"));
            }
        }
        return red;
    }

    private void writeCommentary(
            Actor actor,
            ReturnRow ret,
            List<IndicatorPreview> red,
            Map<String, String> commentary,
            ReturnFigures.Changes changes) {
        for (IndicatorPreview p : red) {
            String body = commentary.get(p.code()).trim();
            store.insertCommentary(
                    ret.partnershipId(), p.indicatorId(), ret.agencyId(), ret.periodEnd(), body, actor.displayName());
            changes.after.put("commentary " + p.code(), body);
        }
    }

    /** The business team sends a submitted return back to the agency with a comment (required). */
    @Transactional
    public void sendBack(Actor actor, long returnId, int version, String comment) {
        ReturnRow row = lock(actor, returnId);
        DataReturn ret = reviewed(actor, row, version);
        ret.sendBack(actor.displayName(), comment, clock.instant());
        saveOrConflict(ret);
        audit.changed(
                AuditAction.UPDATE,
                AUDIT_TYPE,
                row.id(),
                Map.of("status", row.status().name()),
                Map.of("status", ret.status().name(), "returned_comment", comment.trim()));
        tasks.sentBack(row, agencyName(row.agencyId()));
    }

    /** The business team accepts a submitted return: it is locked, published and the indicators recomputed. */
    @Transactional
    public void accept(Actor actor, long returnId, int version) {
        ReturnRow row = lock(actor, returnId);
        DataReturn ret = reviewed(actor, row, version);
        ret.accept(actor.displayName(), clock.instant());
        saveOrConflict(ret);
        store.publishFirstValues(row.id());
        audit.changed(
                AuditAction.UPDATE,
                AUDIT_TYPE,
                row.id(),
                Map.of("status", row.status().name()),
                Map.of("status", ret.status().name()));
        tasks.accepted(row);
        calculator.recomputeForItems(
                row.partnershipId(), itemsOf(row).stream().map(DataItem::code).toList());
    }

    /** The return as the business team reviews it: at the version they saw; nobody else may review it. */
    private static DataReturn reviewed(Actor actor, ReturnRow row, int version) {
        DataReturn ret = DataReturn.of(row);
        ret.requireVersion(version);
        if (!DataReturn.reviewer(actor)) {
            throw new NotFoundException("Data return");
        }
        return ret;
    }

    /**
     * Corrects figures of an accepted return with a reason: each changed figure gets a revision (who, when, why),
     * its value changes and its first published value is kept. Blank cells are left as they are. Returns the
     * problems; nothing is written when there are any.
     */
    @Transactional
    public List<CellProblem> correct(Actor actor, long returnId, int version, List<ValueEntry> entries, String reason) {
        ReturnRow row = lock(actor, returnId);
        DataReturn ret = DataReturn.of(row);
        ret.requireVersion(version);
        if (!ret.correctableBy(actor)) {
            throw new NotFoundException("Data return");
        }
        ret.correct(); // refused unless accepted; written only once the figures pass
        ReturnFigures figures = figures(row);
        Map<CellKey, Given> changed = figures.correct(entries);
        ReturnChecks.Result checked = ReturnChecks.check(new ReturnChecks.Input(
                agencyName(row.agencyId()),
                figures.items,
                breakdownValues(row.partnershipId()),
                figures.cells,
                catalogue.rules(row.partnershipId()),
                Map.of(),
                false));
        List<CellProblem> problems = new ArrayList<>(checked.problems());
        if (isBlank(reason)) {
            problems.add(ReturnFigures.onReturn("reason", "Enter the reason for the correction"));
        }
        if (changed.isEmpty() && problems.isEmpty()) {
            problems.add(ReturnFigures.onReturn("return", "Change at least one figure to make a correction"));
        }
        if (!problems.isEmpty()) {
            return List.copyOf(problems);
        }
        ReturnFigures.Changes changes = new ReturnFigures.Changes();
        for (CellKey key : changed.keySet()) {
            revise(actor, row, figures, key, checked.values().get(key), reason.trim(), changes);
        }
        saveOrConflict(ret);
        changes.after.put("reason", reason.trim());
        audit.changed(AuditAction.UPDATE, AUDIT_TYPE, row.id(), changes.before, changes.after);
        recomputeAfterCorrection(
                actor,
                row.partnershipId(),
                changed.keySet().stream().map(CellKey::itemCode).distinct().toList());
        return List.of();
    }

    /** One corrected figure: its value changes and a revision records the old value, who and why. */
    private void revise(
            Actor actor,
            ReturnRow ret,
            ReturnFigures figures,
            CellKey key,
            BigDecimal value,
            String reason,
            ReturnFigures.Changes changes) {
        ValueRow old = figures.stored.get(key);
        long valueId;
        if (old == null) {
            valueId = store.insertCorrectionValue(
                    ret.partnershipId(),
                    figures.byCode.get(key.itemCode()).id(),
                    ret.agencyId(),
                    ret.id(),
                    ret.periodEnd(),
                    key.kind(),
                    key.value(),
                    value,
                    actor.displayName());
        } else {
            valueId = old.id();
            store.updateValue(valueId, value, actor.displayName());
        }
        store.insertRevision(
                valueId,
                ret.id(),
                ret.agencyId(),
                old == null ? null : old.value(),
                value,
                reason,
                actor.displayName());
        changes.before.put(ReturnFigures.label(key), old == null ? "" : ReturnChecks.plain(old.value()));
        changes.after.put(ReturnFigures.label(key), ReturnChecks.plain(value));
    }

    private void recomputeAfterCorrection(Actor actor, long partnershipId, List<String> codes) {
        if (SystemScope.agencyScoped(actor)) {
            // the agency's connection cannot see other agencies' figures: recompute with system scope once the
            // correction is committed
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    SystemScope.run(() -> calculator.recomputeForItems(partnershipId, codes));
                }
            });
        } else {
            calculator.recomputeForItems(partnershipId, codes);
        }
    }

    /**
     * Opens the latest ended period's return for every agency that supplies active items of a frequency, and asks
     * its lead to send it (run daily by {@code ReturnChasing}, with no signed-in user: system scope).
     */
    @Transactional
    void chase(long partnershipId) {
        LocalDate today = LocalDate.now(clock);
        Map<Long, Set<Frequency>> owed = new LinkedHashMap<>();
        for (DataItem item : catalogue.items(partnershipId)) {
            if (item.sourceAgencyId() != null && !item.archived()) {
                owed.computeIfAbsent(item.sourceAgencyId(), k -> new LinkedHashSet<>())
                        .add(item.frequency());
            }
        }
        if (owed.isEmpty()) {
            return;
        }
        Map<Long, String> names = new HashMap<>();
        organisation.agenciesOf(partnershipId).forEach(a -> names.put(a.id(), a.name()));
        owed.forEach((agencyId, frequencies) -> {
            if (!names.containsKey(agencyId)) {
                return; // archived or left the partnership
            }
            for (Frequency frequency : frequencies) {
                Period period = Period.containing(frequency, today).previous();
                ReturnRow ret = store.ensure(partnershipId, agencyId, period, dueOn(period));
                if (ret.status().editable()) {
                    tasks.askAgency(ret, names.get(agencyId));
                }
            }
        });
    }

    /** The return for the actor: another partnership's or agency's return is not found. */
    public ReturnRow find(Actor actor, long returnId) {
        return store.find(actor.partnershipId(), returnId, actor.seesAllAgencies() ? null : actor.agencyId())
                .orElseThrow(() -> new NotFoundException("Data return"));
    }

    private ReturnRow lock(Actor actor, long returnId) {
        find(actor, returnId);
        return store.findForUpdate(actor.partnershipId(), returnId)
                .orElseThrow(() -> new NotFoundException("Data return"));
    }

    private void saveOrConflict(DataReturn ret) {
        if (!store.save(ret)) {
            throw new ConcurrentEditException("This return");
        }
    }

    private AgencySummary agencyInScope(Actor actor, long agencyId) {
        if (!actor.seesAllAgencies() && !Objects.equals(actor.agencyId(), agencyId)) {
            throw new NotFoundException("Agency");
        }
        return organisation.agenciesOf(actor.partnershipId()).stream()
                .filter(a -> a.id() == agencyId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Agency"));
    }

    /** The return's items with its stored figures. */
    private ReturnFigures figures(ReturnRow ret) {
        ReturnFigures figures = new ReturnFigures(itemsOf(ret));
        return figures.withStored(
                store.values(ret.partnershipId(), ret.agencyId(), figures.byId.keySet(), ret.periodEnd()));
    }

    /** The active items the agency supplies at the return's frequency. */
    public List<DataItem> itemsOf(ReturnRow ret) {
        return catalogue.itemsOf(ret.partnershipId(), ret.agencyId()).stream()
                .filter(i -> i.frequency() == ret.frequency())
                .toList();
    }

    /** The values each breakdown takes in this partnership. */
    public Map<Breakdown, List<String>> breakdownValues(long partnershipId) {
        Map<Breakdown, List<String>> values = new LinkedHashMap<>();
        values.put(
                Breakdown.DISTRICT,
                organisation.districtsOf(partnershipId).stream()
                        .map(DistrictSummary::name)
                        .toList());
        values.put(Breakdown.AGE_BAND, Breakdown.AGE_BANDS);
        values.put(Breakdown.GENDER, GENDERS);
        values.put(Breakdown.ETHNICITY, ETHNICITIES);
        return values;
    }

    public String agencyName(long agencyId) {
        return organisation.agency(agencyId).map(AgencySummary::name).orElse("The agency");
    }

    public static String possessive(String name) {
        return name.endsWith("s") ? name + "'" : name + "'s";
    }

    private static boolean isBlank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
