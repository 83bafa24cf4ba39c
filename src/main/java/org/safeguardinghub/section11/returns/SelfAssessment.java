package org.safeguardinghub.section11.returns;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.documents.DocumentContent;
import org.safeguardinghub.documents.DocumentSummary;
import org.safeguardinghub.documents.Documents;
import org.safeguardinghub.documents.Upload;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.security.Audience;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.section11.ReturnStatus;
import org.safeguardinghub.section11.access.ReturnLockedException;
import org.safeguardinghub.section11.access.ReturnRef;
import org.safeguardinghub.section11.returns.ReturnViews.Colleague;
import org.safeguardinghub.section11.returns.ReturnViews.Contributor;
import org.safeguardinghub.section11.returns.ReturnViews.Improvement;
import org.safeguardinghub.section11.returns.ReturnViews.PreviousReturn;
import org.safeguardinghub.section11.returns.ReturnViews.Progress;
import org.safeguardinghub.section11.returns.ReturnViews.ReturnDetails;
import org.safeguardinghub.section11.templates.TemplateReader;
import org.safeguardinghub.section11.templates.TemplateStructure;
import org.safeguardinghub.section11.templates.TemplateStructure.Question;
import org.safeguardinghub.section11.templates.TemplateStructure.Section;
import org.safeguardinghub.section11.templates.TemplateStructure.Standard;
import org.safeguardinghub.tasks.PersonTaskRequested;
import org.safeguardinghub.tasks.TaskRequested;
import org.safeguardinghub.tasks.TaskResolved;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agency's self-assessment: answers per standard (each with its own version, so colleagues working on
 * different standards never collide), section progress, documents, improvement actions, carry-forward from the
 * previous cycle and submission. Callers check access through {@code ReturnAccess} first; every change here takes
 * the return's row lock and re-checks it is still open, so a change racing a submission is refused, never lost.
 */
@Service
class SelfAssessment {

    static final String RETURN = "s11-return";
    static final String RESPONSE = "s11-response";
    static final String IMPROVEMENT = "s11-improvement";
    static final String CONTRIBUTOR = "s11-contributor";
    static final String LOCKED = "This return was submitted and is locked: the panel is moderating it."
            + " Answer the panel's challenges instead, or ask the business team to reopen it.";

    private final JdbcClient jdbc;
    private final TemplateReader templates;
    private final AuditTrail audit;
    private final Documents documents;
    private final ApplicationEventPublisher events;

    SelfAssessment(
            JdbcClient jdbc,
            TemplateReader templates,
            AuditTrail audit,
            Documents documents,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.audit = audit;
        this.documents = documents;
        this.events = events;
    }

    /** What happened to one standard's save. */
    sealed interface Outcome {}

    /** Saved (or nothing to save): the version and digest the page should now carry. */
    record Saved(int version, String fingerprint, boolean changed) implements Outcome {}

    /** A colleague saved the standard after this person opened it, and this person changed it too. */
    record Stale(StandardResponse current) implements Outcome {}

    /** Thrown from a section save when any standard is stale, so nothing of that save is kept. */
    static class StaleStandards extends RuntimeException {
        final Map<Long, StandardResponse> current;

        StaleStandards(Map<Long, StandardResponse> current) {
            super("Stale standards " + current.keySet());
            this.current = current;
        }
    }

    TemplateStructure template(ReturnRef ref) {
        return templates.get(ref.templateId());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reading

    @Transactional
    ReturnDetails details(ReturnRef ref, boolean auditRead) {
        if (auditRead) {
            audit.readSensitive(RETURN, ref.id());
        }
        return jdbc.sql("""
                        select t.name as template_name, c.closes_on, r.started_at, r.submitted_at, r.submitted_by_name,
                               r.declaration_name, r.declaration_role, pc.name as carried_from, r.version
                        from s11_return r
                        join s11_template t on t.id = r.template_id
                        join s11_cycle c on c.id = r.cycle_id
                        left join s11_return pr on pr.id = r.carried_forward_from
                        left join s11_cycle pc on pc.id = pr.cycle_id
                        where r.id = :r""")
                .param("r", ref.id())
                .query((rs, n) -> new ReturnDetails(
                        ref,
                        rs.getString("template_name"),
                        rs.getObject("closes_on", LocalDate.class),
                        instant(rs.getTimestamp("started_at")),
                        instant(rs.getTimestamp("submitted_at")),
                        rs.getString("submitted_by_name"),
                        rs.getString("declaration_name"),
                        rs.getString("declaration_role"),
                        rs.getString("carried_from"),
                        rs.getInt("version")))
                .single();
    }

    /** The saved answers by standard id (standards with nothing saved are absent). */
    Map<Long, StandardResponse> responses(long returnId) {
        Map<Long, Map<Long, String>> answers = new HashMap<>();
        jdbc.sql("""
                        select a.response_id, a.question_id, a.value from s11_answer a
                        join s11_response r on r.id = a.response_id where r.return_id = :r""")
                .param("r", returnId)
                .query((rs, n) -> answers.computeIfAbsent(rs.getLong("response_id"), k -> new HashMap<>())
                        .put(rs.getLong("question_id"), rs.getString("value")))
                .list();
        Map<Long, StandardResponse> out = new LinkedHashMap<>();
        jdbc.sql("""
                        select id, standard_id, self_score, not_applicable, evidence, needs_review, version, updated_at,
                               updated_by_name, updated_by
                        from s11_response where return_id = :r order by id""")
                .param("r", returnId)
                .query((rs, n) -> out.put(
                        rs.getLong("standard_id"),
                        new StandardResponse(
                                rs.getLong("id"),
                                rs.getLong("standard_id"),
                                (Integer) rs.getObject("self_score", Integer.class),
                                rs.getBoolean("not_applicable"),
                                rs.getString("evidence"),
                                rs.getBoolean("needs_review"),
                                rs.getInt("version"),
                                instant(rs.getTimestamp("updated_at")),
                                rs.getString("updated_by_name"),
                                (Long) rs.getObject("updated_by", Long.class),
                                Map.copyOf(answers.getOrDefault(rs.getLong("id"), Map.of())))))
                .list();
        return out;
    }

    StandardResponse response(long returnId, long standardId) {
        StandardResponse r = responses(returnId).get(standardId);
        return r == null ? StandardResponse.none(standardId) : r;
    }

    /** Each section's status: completed as the person said, in progress once anything is saved in it. */
    Map<Long, Progress> progress(ReturnRef ref, TemplateStructure template, Map<Long, StandardResponse> responses) {
        Map<Long, Boolean> marked = new HashMap<>();
        jdbc.sql("select section_id, completed from s11_section_progress where return_id = :r")
                .param("r", ref.id())
                .query((rs, n) -> marked.put(rs.getLong("section_id"), rs.getBoolean("completed")))
                .list();
        Map<Long, Progress> out = new LinkedHashMap<>();
        for (Section s : template.sections()) {
            boolean anything =
                    marked.containsKey(s.id()) || s.standards().stream().anyMatch(st -> responses.containsKey(st.id()));
            out.put(
                    s.id(),
                    Boolean.TRUE.equals(marked.get(s.id()))
                            ? Progress.COMPLETED
                            : anything ? Progress.IN_PROGRESS : Progress.NOT_STARTED);
        }
        return out;
    }

    Map<Long, List<DocumentSummary>> documentsByStandard(Map<Long, StandardResponse> responses) {
        Map<Long, Long> standardOf = new HashMap<>();
        responses.values().forEach(r -> standardOf.put(r.id(), r.standardId()));
        Map<Long, List<DocumentSummary>> out = new HashMap<>();
        documents.list(RESPONSE, standardOf.keySet()).forEach((rid, docs) -> out.put(standardOf.get(rid), docs));
        return out;
    }

    Map<Long, List<Improvement>> improvements(long returnId) {
        Map<Long, List<Improvement>> out = new LinkedHashMap<>();
        jdbc.sql("""
                        select id, standard_id, text, owner_name, due_on, created_by_name from s11_improvement
                        where return_id = :r order by due_on, id""")
                .param("r", returnId)
                .query((rs, n) -> out.computeIfAbsent(rs.getLong("standard_id"), k -> new ArrayList<>())
                        .add(new Improvement(
                                rs.getLong("id"),
                                rs.getLong("standard_id"),
                                rs.getString("text"),
                                rs.getString("owner_name"),
                                rs.getObject("due_on", LocalDate.class),
                                rs.getString("created_by_name"))))
                .list();
        return out;
    }

    /** The same agency's return in the cycle's previous cycle, if there is one. */
    Optional<PreviousReturn> previous(ReturnRef ref) {
        return jdbc.sql("""
                        select pr.id, pc.name, pr.template_id from s11_cycle c
                        join s11_cycle pc on pc.id = c.previous_cycle_id
                        join s11_return pr on pr.cycle_id = pc.id and pr.agency_id = :a
                        where c.id = :c""")
                .param("a", ref.agencyId())
                .param("c", ref.cycleId())
                .query((rs, n) -> new PreviousReturn(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                .optional();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Changing

    /** Starts the return blank or from the previous cycle's answers and documents, each marked for review. */
    @Transactional
    void start(ReturnRef ref, boolean fromPrevious) {
        ReturnStatus before = lock(ref);
        if (before != ReturnStatus.NOT_STARTED) {
            return; // started already (another tab or a colleague): nothing to choose any more
        }
        Actor actor = Actors.require();
        PreviousReturn previous = fromPrevious ? previous(ref).orElse(null) : null;
        if (previous != null) {
            carryForward(ref, previous, actor);
        }
        jdbc.sql("""
                        update s11_return set status = 'IN_PROGRESS', started_at = coalesce(started_at, now()),
                               carried_forward_from = :prev, updated_at = now(), version = version + 1
                        where id = :r""")
                .param("prev", previous == null ? null : previous.id())
                .param("r", ref.id())
                .update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("Status", ReturnStatus.IN_PROGRESS.label());
        after.put(
                "Started from",
                previous == null ? "A blank return" : "The " + previous.cycleName() + " answers, each to be checked");
        Map<String, Object> was = new LinkedHashMap<>();
        was.put("Status", before.label());
        audit.changed(AuditAction.UPDATE, RETURN, ref.id(), was, after);
    }

    private void carryForward(ReturnRef ref, PreviousReturn previous, Actor actor) {
        TemplateStructure from = templates.get(previous.templateId());
        TemplateStructure to = template(ref);
        Map<Long, StandardResponse> old = responses(previous.id());
        for (Standard target : to.standards()) {
            Optional<Standard> source = from.standards().stream()
                    .filter(s -> s.code().equals(target.code()))
                    .findFirst();
            StandardResponse was = source.map(s -> old.get(s.id())).orElse(null);
            if (source.isEmpty() || was == null) {
                continue;
            }
            // a score the new scale does not have, or "not applicable" where it is no longer allowed, is left
            // for the agency to choose again
            Integer score = was.score() != null && to.scale().stream().anyMatch(l -> l.score() == was.score())
                    ? was.score()
                    : null;
            boolean na = was.notApplicable() && to.allowNotApplicable();
            long rid = jdbc.sql("""
                            insert into s11_response (return_id, standard_id, agency_id, self_score, not_applicable,
                                                      evidence, needs_review, updated_by_name)
                            values (:r, :s, :a, :score, :na, :ev, true, :by) returning id""")
                    .param("r", ref.id())
                    .param("s", target.id())
                    .param("a", ref.agencyId())
                    .param("score", score)
                    .param("na", na)
                    .param("ev", was.evidence())
                    .param("by", actor.displayName())
                    .query(Long.class)
                    .single();
            Map<Long, String> answers = new HashMap<>();
            for (Question q : target.questions()) {
                source.get().questions().stream()
                        .filter(oq -> oq.code().equals(q.code()))
                        .findFirst()
                        .map(oq -> was.answers().get(oq.id()))
                        .ifPresent(v -> answers.put(q.id(), v));
            }
            writeAnswers(rid, ref.agencyId(), answers);
            for (DocumentSummary d : documents.list(RESPONSE, was.id())) {
                DocumentContent content = documents
                        .read(d.id(), RESPONSE, was.id())
                        .orElseThrow(() -> new IllegalStateException("Document " + d.id() + " vanished"));
                documents.store(
                        actor.partnershipId(),
                        ref.agencyId(),
                        RESPONSE,
                        rid,
                        new Upload(content.fileName(), content.content()),
                        d.description());
            }
            StandardResponse copied = new StandardResponse(
                    rid, target.id(), score, na, was.evidence(), true, 0, null, null, null, Map.copyOf(answers));
            audit.created(RESPONSE, rid, values(to, target, copied, previous.cycleName()));
        }
    }

    /** Saves one standard on its own (the background save). */
    @Transactional
    Outcome autosave(ReturnRef ref, Standard standard, StandardEntry entry, int version) {
        ReturnStatus before = lock(ref);
        Outcome outcome = save(ref, template(ref), standard, entry, version, null);
        if (outcome instanceof Saved s && s.changed()) {
            touch(ref, before);
        }
        return outcome;
    }

    /**
     * Saves a section's standards and whether it is completed, all or nothing: if any standard the person changed
     * was saved by someone else meanwhile, nothing is kept and {@link StaleStandards} says which.
     */
    @Transactional
    Map<Long, Saved> saveSection(
            ReturnRef ref,
            Section section,
            Map<Long, StandardEntry> entries,
            Map<Long, Integer> versions,
            Map<Long, String> loaded,
            boolean completed) {
        ReturnStatus before = lock(ref);
        TemplateStructure template = template(ref);
        Map<Long, Saved> saved = new LinkedHashMap<>();
        Map<Long, StandardResponse> stale = new LinkedHashMap<>();
        boolean changed = false;
        for (Standard standard : section.standards()) {
            StandardEntry entry = entries.get(standard.id());
            if (entry == null) {
                continue;
            }
            Outcome o = save(
                    ref, template, standard, entry, versions.getOrDefault(standard.id(), 0), loaded.get(standard.id()));
            if (o instanceof Stale s) {
                stale.put(standard.id(), s.current());
            } else if (o instanceof Saved s) {
                saved.put(standard.id(), s);
                changed |= s.changed();
            }
        }
        if (!stale.isEmpty()) {
            throw new StaleStandards(stale);
        }
        Boolean was = jdbc.sql("select completed from s11_section_progress where return_id = :r and section_id = :s")
                .param("r", ref.id())
                .param("s", section.id())
                .query(Boolean.class)
                .optional()
                .orElse(null);
        if (was == null || was != completed) {
            jdbc.sql("""
                            insert into s11_section_progress (return_id, section_id, agency_id, completed)
                            values (:r, :s, :a, :c)
                            on conflict (return_id, section_id) do update set completed = excluded.completed""")
                    .param("r", ref.id())
                    .param("s", section.id())
                    .param("a", ref.agencyId())
                    .param("c", completed)
                    .update();
            audit.changed(
                    AuditAction.UPDATE,
                    RETURN,
                    ref.id(),
                    Map.of("Section " + section.code() + " completed", was == null ? "Not started" : yesNo(was)),
                    Map.of("Section " + section.code() + " completed", yesNo(completed)));
            changed = true;
        }
        if (changed) {
            touch(ref, before);
        }
        return saved;
    }

    /**
     * One standard. {@code loadedFingerprint} is the digest of the values the page showed (null for a background
     * save, which only fires on a change): a standard re-sent unchanged is never a conflict.
     */
    private Outcome save(
            ReturnRef ref,
            TemplateStructure template,
            Standard standard,
            StandardEntry entry,
            int version,
            @Nullable String loadedFingerprint) {
        long rid = ensureResponse(ref, standard.id());
        StandardResponse current = lockResponse(rid);
        StandardEntry saved = StandardEntry.of(current);
        boolean changedHere = loadedFingerprint == null || !loadedFingerprint.equals(entry.fingerprint());
        boolean same = saved.fingerprint().equals(entry.fingerprint());
        if (!changedHere && !current.needsReview()) {
            return new Saved(current.version(), saved.fingerprint(), false);
        }
        Actor actor = Actors.require();
        if (current.version() != version) {
            if (same || !changedHere) {
                return new Saved(current.version(), saved.fingerprint(), false);
            }
            // the person's own background save landing between their page and this save is not a conflict, but
            // only that one save: anything older could hide a colleague's save in between (two tabs)
            boolean ownLastSave =
                    Long.valueOf(actor.userId()).equals(current.updatedById()) && current.version() == version + 1;
            if (!ownLastSave) {
                return new Stale(current);
            }
        }
        if (same && !current.needsReview()) {
            return new Saved(current.version(), saved.fingerprint(), false);
        }
        int next = jdbc.sql("""
                        update s11_response set self_score = :score, not_applicable = :na, evidence = :ev,
                               needs_review = false, updated_at = now(), updated_by_name = :by, updated_by = :byId,
                               version = version + 1
                        where id = :id returning version""")
                .param("score", entry.numericScore())
                .param("na", entry.notApplicable())
                .param("ev", entry.evidence())
                .param("by", actor.displayName())
                .param("byId", actor.userId())
                .param("id", rid)
                .query(Integer.class)
                .single();
        writeAnswers(rid, ref.agencyId(), entry.answers());
        StandardResponse after = new StandardResponse(
                rid,
                standard.id(),
                entry.numericScore(),
                entry.notApplicable(),
                entry.evidence(),
                false,
                next,
                null,
                null,
                null,
                entry.answers());
        audit.changed(
                AuditAction.UPDATE,
                RESPONSE,
                rid,
                values(template, standard, current, null),
                values(template, standard, after, null));
        return new Saved(next, entry.fingerprint(), true);
    }

    @Transactional
    DocumentSummary upload(ReturnRef ref, Standard standard, Upload upload) {
        documents.check(upload);
        ReturnStatus before = lock(ref);
        long rid = ensureResponse(ref, standard.id());
        DocumentSummary stored =
                documents.store(Actors.require().partnershipId(), ref.agencyId(), RESPONSE, rid, upload, null);
        audit.changed(AuditAction.UPDATE, RESPONSE, rid, Map.of(), Map.of("Document added", stored.fileName()));
        touch(ref, before);
        return stored;
    }

    /** A document of this return, by id; empty if it belongs to anything else. */
    Optional<DocumentContent> document(ReturnRef ref, long documentId) {
        return jdbc.sql("""
                        select r.id from document d join s11_response r on r.id = d.owner_id
                        where d.id = :d and d.owner_type = :type and r.return_id = :r""")
                .param("d", documentId)
                .param("type", RESPONSE)
                .param("r", ref.id())
                .query(Long.class)
                .optional()
                .flatMap(rid -> documents.read(documentId, RESPONSE, rid));
    }

    @Transactional
    long addImprovement(ReturnRef ref, Standard standard, String text, String owner, LocalDate due) {
        ReturnStatus before = lock(ref);
        Actor actor = Actors.require();
        long id = jdbc.sql("""
                        insert into s11_improvement (return_id, standard_id, agency_id, text, owner_name, due_on,
                                                     created_by_name)
                        values (:r, :s, :a, :t, :o, :d, :by) returning id""")
                .param("r", ref.id())
                .param("s", standard.id())
                .param("a", ref.agencyId())
                .param("t", text)
                .param("o", owner)
                .param("d", due)
                .param("by", actor.displayName())
                .query(Long.class)
                .single();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("return", ref.id());
        values.put("Standard", standard.code());
        values.put("Improvement action", text);
        values.put("Owner", owner);
        values.put("Due", ReturnViews.date(due));
        audit.created(IMPROVEMENT, id, values);
        touch(ref, before);
        return id;
    }

    @Transactional
    void removeImprovement(ReturnRef ref, long improvementId) {
        ReturnStatus before = lock(ref);
        Improvement gone = improvements(ref.id()).values().stream()
                .flatMap(List::stream)
                .filter(i -> i.id() == improvementId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Improvement action"));
        jdbc.sql("delete from s11_improvement where id = :id and return_id = :r")
                .param("id", improvementId)
                .param("r", ref.id())
                .update();
        Map<String, Object> was = new LinkedHashMap<>();
        was.put("return", ref.id());
        was.put("Improvement action", gone.text());
        was.put("Owner", gone.ownerName());
        Map<String, Object> now = new LinkedHashMap<>();
        now.put("return", null);
        now.put("Improvement action", "Removed");
        now.put("Owner", null);
        audit.changed(AuditAction.ARCHIVE, IMPROVEMENT, improvementId, was, now);
        touch(ref, before);
    }

    /** Why the return cannot be submitted yet, keyed by where to fix it; empty when complete. */
    Map<String, String> incomplete(ReturnRef ref) {
        TemplateStructure template = template(ref);
        Map<Long, StandardResponse> responses = responses(ref.id());
        Map<Long, Progress> progress = progress(ref, template, responses);
        Map<String, String> problems = new LinkedHashMap<>();
        for (Section s : template.sections()) {
            String href = "/section11/returns/" + ref.id() + "/sections/" + s.id();
            if (progress.get(s.id()) != Progress.COMPLETED) {
                problems.put(href, "Complete section " + s.code() + ": " + s.title());
                continue;
            }
            for (Standard st : s.standards()) {
                StandardResponse r = responses.getOrDefault(st.id(), StandardResponse.none(st.id()));
                Map<String, String> p = ReturnChecks.complete(template, st, StandardEntry.of(r));
                if (!p.isEmpty()) {
                    problems.put(
                            href + "#standard-" + st.id(), p.values().iterator().next());
                }
            }
        }
        return problems;
    }

    /**
     * Submits the return with the accountable officer's declaration. Returns the problems when it is not ready
     * (nothing changes); a return changed since the check page was opened is refused as a concurrent edit.
     */
    @Transactional
    Map<String, String> submit(ReturnRef ref, int version, String officerName, String officerRole, boolean confirmed) {
        ReturnStatus before = lock(ref);
        int current = jdbc.sql("select version from s11_return where id = :r")
                .param("r", ref.id())
                .query(Integer.class)
                .single();
        if (current != version) {
            throw new ConcurrentEditException("This return");
        }
        Map<String, String> problems = new LinkedHashMap<>(incomplete(ref));
        if (officerName.isBlank()) {
            problems.put("#declaration-name", "Enter the name of the accountable officer");
        } else if (officerName.length() > 200) {
            problems.put("#declaration-name", "The accountable officer's name must be 200 characters or fewer");
        }
        if (officerRole.isBlank()) {
            problems.put("#declaration-role", "Enter the accountable officer's role");
        } else if (officerRole.length() > 200) {
            problems.put("#declaration-role", "The accountable officer's role must be 200 characters or fewer");
        }
        if (!confirmed) {
            problems.put("#declaration-confirmed", "Confirm the declaration to submit the return");
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        Actor actor = Actors.require();
        jdbc.sql("""
                        update s11_return set status = 'SUBMITTED', submitted_at = now(), submitted_by_name = :by,
                               declaration_name = :n, declaration_role = :role, updated_at = now(),
                               started_at = coalesce(started_at, now()), version = version + 1
                        where id = :r""")
                .param("by", actor.displayName())
                .param("n", officerName)
                .param("role", officerRole)
                .param("r", ref.id())
                .update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("Status", ReturnStatus.SUBMITTED.label());
        after.put("Submitted by", actor.displayName());
        after.put("Accountable officer", officerName + ", " + officerRole);
        audit.changed(AuditAction.UPDATE, RETURN, ref.id(), Map.of("Status", before.label()), after);
        String id = String.valueOf(ref.id());
        for (long p : ref.cyclePartnershipIds()) {
            events.publishEvent(new TaskResolved(p, RETURN, id));
            for (Contributor c : contributors(ref.id())) {
                events.publishEvent(new TaskResolved(p, CONTRIBUTOR, ref.id() + ":" + c.userId()));
            }
        }
        for (long p : servedPartnerships(ref)) {
            events.publishEvent(new TaskRequested(
                    p,
                    Audience.BUSINESS_TEAM.roleName(),
                    null,
                    "Assign panel members to " + possessive(ref.agencyName()) + " Section 11 return",
                    "/section11/cycles/" + ref.cycleId() + "/assignments",
                    null,
                    "s11-assign",
                    id));
        }
        return Map.of();
    }

    /** The partnerships of the cycle that the return's agency serves (where its people and tasks are). */
    private List<Long> servedPartnerships(ReturnRef ref) {
        return jdbc.sql("""
                        select cp.partnership_id from s11_cycle_partnership cp
                        join agency_partnership ap on ap.partnership_id = cp.partnership_id and ap.agency_id = :a
                        where cp.cycle_id = :c order by 1""")
                .param("a", ref.agencyId())
                .param("c", ref.cycleId())
                .query(Long.class)
                .list();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Contributors

    List<Contributor> contributors(long returnId) {
        return jdbc.sql("""
                        select c.user_id, u.display_name, u.email, c.invited_by_name, c.invited_at
                        from s11_contributor c join app_user u on u.id = c.user_id
                        where c.return_id = :r order by u.display_name""")
                .param("r", returnId)
                .query((rs, n) -> new Contributor(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** Active people of the agency who are not yet contributors (and not the lead asking). */
    List<Colleague> invitable(ReturnRef ref) {
        return jdbc.sql("""
                        select u.id, u.display_name, u.email from app_user u
                        where u.agency_id = :a and u.status = 'ACTIVE' and u.id <> :me
                          and not exists (select 1 from s11_contributor c where c.return_id = :r and c.user_id = u.id)
                        order by u.display_name""")
                .param("a", ref.agencyId())
                .param("me", Actors.require().userId())
                .param("r", ref.id())
                .query((rs, n) -> new Colleague(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    @Transactional
    void invite(ReturnRef ref, long userId) {
        Colleague colleague = invitable(ref).stream()
                .filter(c -> c.userId() == userId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Colleague"));
        Actor actor = Actors.require();
        jdbc.sql("""
                        insert into s11_contributor (return_id, user_id, agency_id, invited_by_name)
                        values (:r, :u, :a, :by) on conflict do nothing""")
                .param("r", ref.id())
                .param("u", userId)
                .param("a", ref.agencyId())
                .param("by", actor.displayName())
                .update();
        audit.created(CONTRIBUTOR, ref.id() + ":" + userId, Map.of("Contributor", colleague.name()));
        LocalDate closes = jdbc.sql("select closes_on from s11_cycle where id = :c")
                .param("c", ref.cycleId())
                .query(LocalDate.class)
                .single();
        for (long p : servedPartnerships(ref)) {
            events.publishEvent(new PersonTaskRequested(
                    p,
                    userId,
                    "Help complete " + possessive(ref.agencyName()) + " Section 11 return",
                    "/section11/returns/" + ref.id(),
                    closes,
                    CONTRIBUTOR,
                    ref.id() + ":" + userId));
        }
    }

    @Transactional
    void removeContributor(ReturnRef ref, long userId) {
        Contributor gone = contributors(ref.id()).stream()
                .filter(c -> c.userId() == userId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Contributor"));
        jdbc.sql("delete from s11_contributor where return_id = :r and user_id = :u")
                .param("r", ref.id())
                .param("u", userId)
                .update();
        Map<String, Object> now = new HashMap<>();
        now.put("Contributor", null);
        audit.changed(
                AuditAction.ARCHIVE, CONTRIBUTOR, ref.id() + ":" + userId, Map.of("Contributor", gone.name()), now);
        for (long p : ref.cyclePartnershipIds()) {
            events.publishEvent(new TaskResolved(p, CONTRIBUTOR, ref.id() + ":" + userId));
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Takes the return's row lock and refuses if it is no longer open to the agency. */
    private ReturnStatus lock(ReturnRef ref) {
        ReturnStatus status = jdbc.sql("select status from s11_return where id = :r for update")
                .param("r", ref.id())
                .query(String.class)
                .optional()
                .map(ReturnStatus::valueOf)
                .orElseThrow(() -> new NotFoundException("Section 11 return"));
        if (!status.editable()) {
            throw new ReturnLockedException(LOCKED);
        }
        return status;
    }

    /** Any change moves a return from not started to in progress and moves its version on. */
    private void touch(ReturnRef ref, ReturnStatus before) {
        jdbc.sql("""
                        update s11_return set status = 'IN_PROGRESS', started_at = coalesce(started_at, now()),
                               updated_at = now(), version = version + 1
                        where id = :r""").param("r", ref.id()).update();
        if (before == ReturnStatus.NOT_STARTED) {
            audit.changed(
                    AuditAction.UPDATE,
                    RETURN,
                    ref.id(),
                    Map.of("Status", before.label()),
                    Map.of("Status", ReturnStatus.IN_PROGRESS.label()));
        }
    }

    private long ensureResponse(ReturnRef ref, long standardId) {
        jdbc.sql("""
                        insert into s11_response (return_id, standard_id, agency_id) values (:r, :s, :a)
                        on conflict (return_id, standard_id) do nothing""")
                .param("r", ref.id())
                .param("s", standardId)
                .param("a", ref.agencyId())
                .update();
        return jdbc.sql("select id from s11_response where return_id = :r and standard_id = :s")
                .param("r", ref.id())
                .param("s", standardId)
                .query(Long.class)
                .single();
    }

    private StandardResponse lockResponse(long responseId) {
        jdbc.sql("select id from s11_response where id = :id for update")
                .param("id", responseId)
                .query(Long.class)
                .single();
        long returnId = jdbc.sql("select return_id from s11_response where id = :id")
                .param("id", responseId)
                .query(Long.class)
                .single();
        return responses(returnId).values().stream()
                .filter(r -> r.id() == responseId)
                .findFirst()
                .orElseThrow();
    }

    private void writeAnswers(long responseId, long agencyId, Map<Long, String> answers) {
        jdbc.sql("delete from s11_answer where response_id = :r")
                .param("r", responseId)
                .update();
        answers.forEach((q, v) -> jdbc.sql("""
                        insert into s11_answer (response_id, question_id, agency_id, value) values (:r, :q, :a, :v)""")
                .param("r", responseId)
                .param("q", q)
                .param("a", agencyId)
                .param("v", v)
                .update());
    }

    /** A standard's values for the audit trail, with labels people can read in the history. */
    static Map<String, Object> values(
            TemplateStructure template, Standard standard, StandardResponse r, @Nullable String carriedFrom) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Self-score", scoreText(template, r));
        m.put("Evidence", r.evidence().isEmpty() ? null : r.evidence());
        for (Question q : standard.questions()) {
            String v = r.answers().get(q.id());
            m.put(q.code() + " " + q.text(), v == null ? null : answerText(v));
        }
        m.put("Needs review", r.needsReview() ? "Yes" : "No");
        if (carriedFrom != null) {
            m.put("Carried forward from", carriedFrom);
        }
        return m;
    }

    static @Nullable String scoreText(TemplateStructure template, StandardResponse r) {
        if (r.notApplicable()) {
            return "Not applicable";
        }
        return r.score() == null ? null : r.score() + " – " + template.label(r.score());
    }

    static String answerText(String v) {
        return switch (v) {
            case "YES" -> "Yes";
            case "NO" -> "No";
            default -> v;
        };
    }

    static String possessive(String name) {
        return name.endsWith("s") ? name + "'" : name + "'s";
    }

    private static String yesNo(boolean b) {
        return b ? "Yes" : "No";
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
