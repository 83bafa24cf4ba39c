package org.safeguardinghub.performance.returns;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.calendar.WorkingDayCalendar;
import org.safeguardinghub.organisation.AgencySummary;
import org.safeguardinghub.organisation.DistrictSummary;
import org.safeguardinghub.organisation.Organisation;
import org.safeguardinghub.performance.PerformanceAccess;
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
import org.safeguardinghub.performance.returns.ReturnStore.ValueRow;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Audience;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.tasks.TaskRequested;
import org.safeguardinghub.tasks.TaskResolved;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Agencies' data returns: the one way figures get into a return, whatever the channel (form, spreadsheet upload,
 * API, record-level extract). Checks every cell and writes all or nothing.
 *
 * <h2>The life of a return</h2>
 *
 * A return is one agency's figures for one frequency (monthly, quarterly or annual) and one period: every active
 * item the agency supplies at that frequency, in total and by each breakdown the item declares. It is due 15 working
 * days after the period ends (England's bank holidays). The daily chasing job ({@code ReturnChasing}) opens a
 * DRAFT for the latest ended period and gives the agency lead a task, which shows as overdue after the due date.
 *
 * <ul>
 *   <li><b>DRAFT</b>: the agency saves and checks figures by form, template upload or API, as often as it likes.
 *       Saving keeps even incomplete figures; only cells that fail the type and range checks stop a save.
 *   <li><b>SUBMITTED</b>: every required total given, every outlier explained in the cell's comment and commentary
 *       written on every indicator the figures would turn red. The agency's task closes and the business team is
 *       asked to review. Figures are frozen while under review.
 *   <li><b>RETURNED</b>: the business team sent it back with a comment; the agency task is raised again, the agency
 *       changes figures and submits again (SUBMITTED, RETURNED, SUBMITTED ... as often as needed).
 *   <li><b>ACCEPTED</b>: locked. Each figure's {@code first_value} is set ("as first published") and the indicators
 *       reading its items are recomputed. A later correction is a <em>revision</em>: the business team or the
 *       agency's lead changes figures with a reason; each changed figure gets a {@code data_value_revision} row (old
 *       value, new value, who, when, why), the value is updated, {@code first_value} is kept, the return's revision
 *       number goes up and the indicators are recomputed.
 * </ul>
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

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final ReturnStore store;
    private final Catalogue catalogue;
    private final IndicatorCalculator calculator;
    private final Organisation organisation;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DataReturns(
            ReturnStore store,
            Catalogue catalogue,
            IndicatorCalculator calculator,
            Organisation organisation,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.catalogue = catalogue;
        this.calculator = calculator;
        this.organisation = organisation;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** What saving does: keep a draft, check as for submitting (write nothing), submit, or check as for a draft. */
    enum Mode {
        DRAFT,
        CHECK,
        SUBMIT,
        CHECK_DRAFT
    }

    /** A save's result with the indicators the figures would turn red (to ask for commentary on them). */
    record Outcome(SaveResult result, List<IndicatorPreview> red) {}

    /**
     * Figures loaded from a published report (with their provenance) are the record of what was published; a return
     * for the same period may repeat them but never replace them, so a different value is a problem on that cell.
     */
    private static List<CellProblem> publishedFiguresKept(
            List<ReturnStore.PublishedValue> published, Map<Long, DataItem> byId, Map<CellKey, Given> given) {
        List<CellProblem> problems = new ArrayList<>();
        for (ReturnStore.PublishedValue p : published) {
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
    public record Refusal(LocalDate periodEnd, List<CellProblem> problems) {}

    /**
     * Saves figures for many periods of one frequency into the agency's draft returns (channel {@code channel}, not
     * submitted), as {@link #save} does one period at a time, but with the catalogue, the stored figures and the
     * returns read once and the figures written in one batch: a record-level extract covers up to ten years of
     * months. Each return gets the same checks, version, channel and audit entry as a single save. When any return
     * refuses its figures, nothing is written and the first such period (in date order) is returned with its
     * problems; the caller's transaction is to be rolled back as for a refused {@link #save}.
     */
    @Transactional
    public Optional<Refusal> saveDrafts(
            Actor actor,
            long agencyId,
            Frequency frequency,
            java.util.SortedMap<LocalDate, List<ValueEntry>> entriesByPeriodEnd,
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
        ReturnRow first = returnsByEnd.values().iterator().next();
        String agencyName = agencyName(agency.id());
        List<DataItem> items = itemsOf(first);
        Map<Long, DataItem> byId = new HashMap<>();
        Map<String, DataItem> byCode = new HashMap<>();
        items.forEach(i -> {
            byId.put(i.id(), i);
            byCode.put(i.code(), i);
        });
        List<LocalDate> ends = periods.stream().map(Period::end).toList();
        Map<LocalDate, List<ValueRow>> storedByEnd =
                store.valuesAll(actor.partnershipId(), agency.id(), byId.keySet(), ends);
        Map<LocalDate, List<ReturnStore.PublishedValue>> publishedByEnd =
                store.publishedAll(actor.partnershipId(), agency.id(), byId.keySet(), ends);
        Map<Breakdown, List<String>> breakdownValues = breakdownValues(actor.partnershipId());
        var rules = catalogue.rules(actor.partnershipId());

        List<ReturnStore.ValueWrite> writes = new ArrayList<>();
        List<Long> deletes = new ArrayList<>();
        List<ReturnRow> saved = new ArrayList<>();
        List<Map<String, Object>> befores = new ArrayList<>();
        List<Map<String, Object>> afters = new ArrayList<>();
        for (Period period : periods) {
            ReturnRow ret = returnsByEnd.get(period.end());
            String lock = lockReason(ret);
            if (lock != null) {
                return Optional.of(new Refusal(period.end(), List.of(new CellProblem("", "", "", "return", lock))));
            }
            Map<CellKey, ValueRow> storedByKey = new HashMap<>();
            Map<CellKey, Given> cells = new LinkedHashMap<>();
            for (ValueRow v : storedByEnd.getOrDefault(period.end(), List.of())) {
                CellKey key = new CellKey(byId.get(v.itemId()).code(), v.kind(), v.breakdownValue());
                storedByKey.put(key, v);
                cells.put(key, new Given(ReturnChecks.plain(v.value()), v.comment()));
            }
            Map<CellKey, Given> given = given(entriesByPeriodEnd.get(period.end()), storedByKey, cells);
            // a draft is not checked for outliers, so the agency's history is not needed
            ReturnChecks.Result checked = ReturnChecks.check(
                    new ReturnChecks.Input(agencyName, items, breakdownValues, cells, rules, Map.of(), false));
            List<CellProblem> problems = new ArrayList<>(checked.problems());
            problems.addAll(publishedFiguresKept(publishedByEnd.getOrDefault(period.end(), List.of()), byId, given));
            if (!problems.isEmpty()) {
                return Optional.of(new Refusal(period.end(), List.copyOf(problems)));
            }
            Map<String, Object> before = new LinkedHashMap<>();
            Map<String, Object> after = new LinkedHashMap<>();
            cellChanges(actor, ret, channel, given, storedByKey, checked, byCode, deletes, writes, before, after);
            saved.add(ret);
            befores.add(before);
            afters.add(after);
        }
        deletes.forEach(store::deleteValue);
        store.upsertValues(writes);
        if (!store.touchAll(saved.stream().map(ReturnRow::id).toList(), channel.name())) {
            throw new ConcurrentEditException("This return");
        }
        for (int i = 0; i < saved.size(); i++) {
            audit.changed(AuditAction.UPDATE, "data-return", saved.get(i).id(), befores.get(i), afters.get(i));
        }
        return Optional.empty();
    }

    /** The cells given, keyed and trimmed; each also replaces the stored cell in {@code cells}. */
    private static Map<CellKey, Given> given(
            List<ValueEntry> entries, Map<CellKey, ValueRow> storedByKey, Map<CellKey, Given> cells) {
        Map<CellKey, Given> given = new LinkedHashMap<>();
        for (ValueEntry e : entries) {
            CellKey key = new CellKey(
                    e.itemCode().trim(),
                    e.breakdownKind().trim(),
                    e.breakdownValue().trim());
            ValueRow old = storedByKey.get(key);
            String comment = e.comment() == null ? (old == null ? null : old.comment()) : blankToNull(e.comment());
            Given g = new Given(e.rawValue() == null ? "" : e.rawValue(), comment);
            given.put(key, g);
            cells.put(key, g);
        }
        return given;
    }

    /**
     * What saving {@code given} changes in one return: the stored figures to delete (a cell emptied) and to write
     * (new or changed value or comment; unchanged cells are left alone), with the audit's before and after.
     */
    private static void cellChanges(
            Actor actor,
            ReturnRow ret,
            Channel channel,
            Map<CellKey, Given> given,
            Map<CellKey, ValueRow> storedByKey,
            ReturnChecks.Result checked,
            Map<String, DataItem> byCode,
            List<Long> deletes,
            List<ReturnStore.ValueWrite> writes,
            Map<String, Object> before,
            Map<String, Object> after) {
        for (Map.Entry<CellKey, Given> e : given.entrySet()) {
            CellKey key = e.getKey();
            ValueRow old = storedByKey.get(key);
            BigDecimal value = checked.values().get(key);
            String label = label(key);
            if (value == null) {
                if (old != null) {
                    deletes.add(old.id());
                    before.put(label, ReturnChecks.plain(old.value()));
                    after.put(label, "");
                }
                continue;
            }
            String comment = e.getValue().comment();
            if (old != null && old.value().compareTo(value) == 0 && Objects.equals(old.comment(), comment)) {
                continue;
            }
            writes.add(new ReturnStore.ValueWrite(
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
            before.put(label, old == null ? "" : ReturnChecks.plain(old.value()));
            after.put(label, ReturnChecks.plain(value));
        }
    }

    /** As {@link #save} for a return the user has open, checking nobody changed it since {@code version}. */
    @Transactional
    Outcome save(
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

    private Outcome apply(
            Actor actor,
            ReturnRow ret,
            @Nullable Integer version,
            List<ValueEntry> entries,
            Map<String, String> commentary,
            Channel channel,
            Mode mode) {
        if (version != null && version != ret.version()) {
            throw new ConcurrentEditException("This return");
        }
        String lock = lockReason(ret);
        if (lock != null) {
            return new Outcome(
                    new SaveResult(ret.id(), ret.status(), false, List.of(new CellProblem("", "", "", "return", lock))),
                    List.of());
        }
        boolean submitting = mode == Mode.CHECK || mode == Mode.SUBMIT;
        String agencyName = agencyName(ret.agencyId());
        List<DataItem> items = itemsOf(ret);
        Map<Long, DataItem> byId = new HashMap<>();
        items.forEach(i -> byId.put(i.id(), i));
        List<ValueRow> stored = store.values(ret.partnershipId(), ret.agencyId(), byId.keySet(), ret.periodEnd());
        Map<CellKey, ValueRow> storedByKey = new HashMap<>();
        Map<CellKey, Given> cells = new LinkedHashMap<>();
        for (ValueRow v : stored) {
            CellKey key = new CellKey(byId.get(v.itemId()).code(), v.kind(), v.breakdownValue());
            storedByKey.put(key, v);
            cells.put(key, new Given(ReturnChecks.plain(v.value()), v.comment()));
        }
        Map<CellKey, Given> given = given(entries, storedByKey, cells);
        Map<String, List<BigDecimal>> history = new HashMap<>();
        store.history(ret.partnershipId(), ret.agencyId(), byId.keySet(), ret.periodEnd())
                .forEach((id, values) -> history.put(byId.get(id).code(), values));
        ReturnChecks.Result checked = ReturnChecks.check(new ReturnChecks.Input(
                agencyName,
                items,
                breakdownValues(ret.partnershipId()),
                cells,
                catalogue.rules(ret.partnershipId()),
                history,
                submitting));
        List<CellProblem> problems = new ArrayList<>(checked.problems());
        problems.addAll(publishedFiguresKept(
                store.published(ret.partnershipId(), ret.agencyId(), byId.keySet(), ret.periodEnd()), byId, given));
        List<IndicatorPreview> red = List.of();
        if (submitting && !checked.totals().isEmpty()) {
            Map<String, BigDecimal> totals = checked.totals();
            red = SystemScope.call(() -> calculator.preview(ret.partnershipId(), ret.periodEnd(), totals)).stream()
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
        }
        if (!problems.isEmpty() || mode == Mode.CHECK || mode == Mode.CHECK_DRAFT) {
            return new Outcome(new SaveResult(ret.id(), ret.status(), false, List.copyOf(problems)), red);
        }

        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        Map<String, DataItem> byCode = new HashMap<>();
        items.forEach(i -> byCode.put(i.code(), i));
        List<Long> deletes = new ArrayList<>();
        List<ReturnStore.ValueWrite> writes = new ArrayList<>();
        cellChanges(actor, ret, channel, given, storedByKey, checked, byCode, deletes, writes, before, after);
        deletes.forEach(store::deleteValue);
        store.upsertValues(writes);
        Map<String, @Nullable Object> changes = new LinkedHashMap<>();
        ReturnStatus status = ret.status();
        if (mode == Mode.SUBMIT) {
            status = ReturnStatus.SUBMITTED;
            changes.put("submitted_at", null);
            changes.put("submitted_by_name", actor.displayName());
            before.put("status", ret.status().name());
            after.put("status", status.name());
            for (IndicatorPreview p : red) {
                store.insertCommentary(
                        ret.partnershipId(),
                        p.indicatorId(),
                        ret.agencyId(),
                        ret.periodEnd(),
                        commentary.get(p.code()).trim(),
                        actor.displayName());
                after.put("commentary " + p.code(), commentary.get(p.code()).trim());
            }
        }
        if (!store.update(ret.id(), ret.version(), status, channel.name(), changes)) {
            throw new ConcurrentEditException("This return");
        }
        audit.changed(AuditAction.UPDATE, "data-return", ret.id(), before, after);
        if (mode == Mode.SUBMIT) {
            events.publishEvent(new TaskResolved(ret.partnershipId(), TASK, String.valueOf(ret.id())));
            events.publishEvent(new TaskRequested(
                            ret.partnershipId(),
                            Audience.BUSINESS_TEAM.roleName(),
                            null,
                            "Review " + possessive(agencyName) + " data return for "
                                    + ret.period().label(),
                            "/returns/" + ret.id(),
                            WorkingDayCalendar.england().addWorkingDays(LocalDate.now(clock), 5),
                            REVIEW_TASK,
                            String.valueOf(ret.id()))
                    .reopening(clock.instant())); // a resubmission is a new review
        }
        return new Outcome(new SaveResult(ret.id(), status, true, List.of()), red);
    }

    /** The business team sends a submitted return back to the agency with a comment (required). */
    @Transactional
    void sendBack(Actor actor, long returnId, int version, String comment) {
        ReturnRow ret = lock(actor, returnId);
        requireVersion(ret, version);
        if (!actor.can(PerformanceAccess.RETURNS_REVIEW)) {
            throw new NotFoundException("Data return");
        }
        if (ret.status() != ReturnStatus.SUBMITTED) {
            throw new IllegalStateException("Only a submitted return can be sent back; this one is "
                    + ret.status().label().toLowerCase(Locale.ROOT) + ".");
        }
        if (isBlank(comment)) {
            throw new IllegalArgumentException("Enter a comment saying what the agency needs to change");
        }
        Map<String, @Nullable Object> changes = new LinkedHashMap<>();
        changes.put("returned_comment", comment.trim());
        changes.put("returned_at", null);
        changes.put("returned_by_name", actor.displayName());
        if (!store.update(ret.id(), ret.version(), ReturnStatus.RETURNED, null, changes)) {
            throw new ConcurrentEditException("This return");
        }
        audit.changed(
                AuditAction.UPDATE,
                "data-return",
                ret.id(),
                Map.of("status", ret.status().name()),
                Map.of("status", ReturnStatus.RETURNED.name(), "returned_comment", comment.trim()));
        events.publishEvent(new TaskResolved(ret.partnershipId(), REVIEW_TASK, String.valueOf(ret.id())));
        events.publishEvent(agencyTask(ret, agencyName(ret.agencyId())).reopening(clock.instant()));
    }

    /** The business team accepts a submitted return: it is locked, published and the indicators recomputed. */
    @Transactional
    void accept(Actor actor, long returnId, int version) {
        ReturnRow ret = lock(actor, returnId);
        requireVersion(ret, version);
        if (!actor.can(PerformanceAccess.RETURNS_REVIEW)) {
            throw new NotFoundException("Data return");
        }
        if (ret.status() != ReturnStatus.SUBMITTED) {
            throw new IllegalStateException("Only a submitted return can be accepted; this one is "
                    + ret.status().label().toLowerCase(Locale.ROOT) + ".");
        }
        Map<String, @Nullable Object> changes = new LinkedHashMap<>();
        changes.put("accepted_at", null);
        changes.put("accepted_by_name", actor.displayName());
        if (!store.update(ret.id(), ret.version(), ReturnStatus.ACCEPTED, null, changes)) {
            throw new ConcurrentEditException("This return");
        }
        store.publishFirstValues(ret.id());
        audit.changed(
                AuditAction.UPDATE,
                "data-return",
                ret.id(),
                Map.of("status", ret.status().name()),
                Map.of("status", ReturnStatus.ACCEPTED.name()));
        events.publishEvent(new TaskResolved(ret.partnershipId(), REVIEW_TASK, String.valueOf(ret.id())));
        events.publishEvent(new TaskResolved(ret.partnershipId(), TASK, String.valueOf(ret.id())));
        calculator.recomputeForItems(
                ret.partnershipId(), itemsOf(ret).stream().map(DataItem::code).toList());
    }

    /**
     * Corrects figures of an accepted return with a reason: each changed figure gets a revision (who, when, why),
     * its value changes and its first published value is kept. Blank cells are left as they are. Returns the
     * problems; nothing is written when there are any.
     */
    @Transactional
    List<CellProblem> correct(Actor actor, long returnId, int version, List<ValueEntry> entries, String reason) {
        ReturnRow ret = lock(actor, returnId);
        requireVersion(ret, version);
        if (!canCorrect(actor, ret)) {
            throw new NotFoundException("Data return");
        }
        if (ret.status() != ReturnStatus.ACCEPTED) {
            throw new IllegalStateException("Only an accepted return is corrected; change the figures on the return.");
        }
        List<DataItem> items = itemsOf(ret);
        Map<Long, DataItem> byId = new HashMap<>();
        Map<String, DataItem> byCode = new HashMap<>();
        items.forEach(i -> {
            byId.put(i.id(), i);
            byCode.put(i.code(), i);
        });
        Map<CellKey, ValueRow> storedByKey = new HashMap<>();
        Map<CellKey, Given> cells = new LinkedHashMap<>();
        for (ValueRow v : store.values(ret.partnershipId(), ret.agencyId(), byId.keySet(), ret.periodEnd())) {
            CellKey key = new CellKey(byId.get(v.itemId()).code(), v.kind(), v.breakdownValue());
            storedByKey.put(key, v);
            cells.put(key, new Given(ReturnChecks.plain(v.value()), v.comment()));
        }
        Map<CellKey, Given> changed = new LinkedHashMap<>();
        for (ValueEntry e : entries) {
            if (e.rawValue() == null || e.rawValue().isBlank()) {
                continue;
            }
            CellKey key = new CellKey(e.itemCode(), e.breakdownKind(), e.breakdownValue());
            ValueRow old = storedByKey.get(key);
            BigDecimal parsed = ReturnChecks.parse(e.rawValue());
            if (old != null && parsed != null && parsed.compareTo(old.value()) == 0) {
                continue;
            }
            Given g = new Given(e.rawValue(), old == null ? null : old.comment());
            changed.put(key, g);
            cells.put(key, g);
        }
        ReturnChecks.Result checked = ReturnChecks.check(new ReturnChecks.Input(
                agencyName(ret.agencyId()),
                items,
                breakdownValues(ret.partnershipId()),
                cells,
                catalogue.rules(ret.partnershipId()),
                Map.of(),
                false));
        List<CellProblem> problems = new ArrayList<>(checked.problems());
        if (isBlank(reason)) {
            problems.add(new CellProblem("", "", "", "reason", "Enter the reason for the correction"));
        }
        if (changed.isEmpty() && problems.isEmpty()) {
            problems.add(new CellProblem("", "", "", "return", "Change at least one figure to make a correction"));
        }
        if (!problems.isEmpty()) {
            return List.copyOf(problems);
        }
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        for (CellKey key : changed.keySet()) {
            BigDecimal value = checked.values().get(key);
            ValueRow old = storedByKey.get(key);
            long valueId;
            if (old == null) {
                valueId = store.insertCorrectionValue(
                        ret.partnershipId(),
                        byCode.get(key.itemCode()).id(),
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
                    reason.trim(),
                    actor.displayName());
            before.put(label(key), old == null ? "" : ReturnChecks.plain(old.value()));
            after.put(label(key), ReturnChecks.plain(value));
        }
        Map<String, @Nullable Object> changes = new LinkedHashMap<>();
        changes.put("revision", null);
        if (!store.update(ret.id(), ret.version(), ReturnStatus.ACCEPTED, Channel.FORM.name(), changes)) {
            throw new ConcurrentEditException("This return");
        }
        after.put("reason", reason.trim());
        audit.changed(AuditAction.UPDATE, "data-return", ret.id(), before, after);
        List<String> codes =
                changed.keySet().stream().map(CellKey::itemCode).distinct().toList();
        if (SystemScope.agencyScoped(actor)) {
            // the agency's connection cannot see other agencies' figures: recompute with system scope once the
            // correction is committed
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    SystemScope.run(() -> calculator.recomputeForItems(ret.partnershipId(), codes));
                }
            });
        } else {
            calculator.recomputeForItems(ret.partnershipId(), codes);
        }
        return List.of();
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
                    raiseAgencyTask(ret, names.get(agencyId));
                }
            }
        });
    }

    /** Whether the actor may correct an accepted return: the business team, or the agency's lead. */
    static boolean canCorrect(Actor actor, ReturnRow ret) {
        return actor.can(PerformanceAccess.RETURNS_REVIEW)
                || (actor.can(PerformanceAccess.RETURNS_SUBMIT)
                        && Objects.equals(actor.agencyId(), ret.agencyId())
                        && actor.isIn(Audience.AGENCY_LEAD));
    }

    /** Raises (or updates) the agency lead's task to send the return. */
    void raiseAgencyTask(ReturnRow ret, String agencyName) {
        events.publishEvent(agencyTask(ret, agencyName));
    }

    private static TaskRequested agencyTask(ReturnRow ret, String agencyName) {
        return new TaskRequested(
                ret.partnershipId(),
                Audience.AGENCY_LEAD.roleName(),
                ret.agencyId(),
                "Send " + possessive(agencyName) + " data return for "
                        + ret.period().label(),
                "/returns/" + ret.id(),
                ret.dueOn(),
                TASK,
                String.valueOf(ret.id()));
    }

    /** Why figures cannot be changed now, or null when they can. */
    static @Nullable String lockReason(ReturnRow ret) {
        return switch (ret.status()) {
            case ACCEPTED ->
                "This return was accepted on " + date(ret.acceptedAt()) + " by " + ret.acceptedByName()
                        + " and is locked. To change a figure, ask the business team for a correction.";
            case SUBMITTED ->
                "This return was submitted on " + date(ret.submittedAt()) + " by " + ret.submittedByName()
                        + " and is waiting for the business team's review. To change a figure, ask the business team"
                        + " to send it back.";
            default -> null;
        };
    }

    /** The return for the actor: another partnership's or agency's return is not found. */
    ReturnRow find(Actor actor, long returnId) {
        return store.find(actor.partnershipId(), returnId, actor.seesAllAgencies() ? null : actor.agencyId())
                .orElseThrow(() -> new NotFoundException("Data return"));
    }

    private ReturnRow lock(Actor actor, long returnId) {
        find(actor, returnId);
        return store.findForUpdate(actor.partnershipId(), returnId)
                .orElseThrow(() -> new NotFoundException("Data return"));
    }

    private static void requireVersion(ReturnRow ret, int version) {
        if (ret.version() != version) {
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

    /** The active items the agency supplies at the return's frequency. */
    List<DataItem> itemsOf(ReturnRow ret) {
        return catalogue.itemsOf(ret.partnershipId(), ret.agencyId()).stream()
                .filter(i -> i.frequency() == ret.frequency())
                .toList();
    }

    /** The values each breakdown takes in this partnership. */
    Map<Breakdown, List<String>> breakdownValues(long partnershipId) {
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

    String agencyName(long agencyId) {
        return organisation.agency(agencyId).map(AgencySummary::name).orElse("The agency");
    }

    static String possessive(String name) {
        return name.endsWith("s") ? name + "'" : name + "'s";
    }

    static String date(@Nullable Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(LONDON));
    }

    private static String label(CellKey key) {
        return key.isTotal() ? key.itemCode() : key.itemCode() + " " + key.kind() + " " + key.value();
    }

    private static boolean isBlank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static @Nullable String blankToNull(String s) {
        return s.isBlank() ? null : s.trim();
    }
}
