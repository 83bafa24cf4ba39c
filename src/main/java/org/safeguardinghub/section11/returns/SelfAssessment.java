package org.safeguardinghub.section11.returns;

import java.time.LocalDate;
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
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.section11.ReturnStatus;
import org.safeguardinghub.section11.access.ReturnRef;
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
import org.safeguardinghub.tasks.TaskRequested;
import org.safeguardinghub.tasks.TaskResolved;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agency's self-assessment: answers per standard (each with its own version, so colleagues working on
 * different standards never collide), section progress, documents, improvement actions, carry-forward from the
 * previous cycle and submission. Callers check access through {@code ReturnAccess} first; every change here loads
 * the {@link Section11Return} under its row lock, asks it for the move (refused once the return is submitted, so a
 * change racing a submission is refused, never lost) and saves it through {@link SelfAssessmentRecords}.
 */
@Service
public class SelfAssessment {

    static final String RETURN = "s11-return";
    static final String RESPONSE = "s11-response";
    static final String IMPROVEMENT = "s11-improvement";
    static final String CONTRIBUTOR = "s11-contributor";

    private final SelfAssessmentRecords records;
    private final TemplateReader templates;
    private final AuditTrail audit;
    private final Documents documents;
    private final ApplicationEventPublisher events;

    SelfAssessment(
            SelfAssessmentRecords records,
            TemplateReader templates,
            AuditTrail audit,
            Documents documents,
            ApplicationEventPublisher events) {
        this.records = records;
        this.templates = templates;
        this.audit = audit;
        this.documents = documents;
        this.events = events;
    }

    /** What happened to one standard's save. */
    public sealed interface Outcome {}

    /** Saved (or nothing to save): the version and digest the page should now carry. */
    public record Saved(int version, String fingerprint, boolean changed) implements Outcome {}

    /** A colleague saved the standard after this person opened it, and this person changed it too. */
    public record Stale(StandardResponse current) implements Outcome {}

    /** Thrown from a section save when any standard is stale, so nothing of that save is kept. */
    public static class StaleStandards extends RuntimeException {
        final Map<Long, StandardResponse> current;

        StaleStandards(Map<Long, StandardResponse> current) {
            super("Stale standards " + current.keySet());
            this.current = current;
        }

        /** The response each stale standard holds now, by standard id. */
        public Map<Long, StandardResponse> current() {
            return current;
        }
    }

    public TemplateStructure template(ReturnRef ref) {
        return templates.get(ref.templateId());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reading

    @Transactional
    public ReturnDetails details(ReturnRef ref, boolean auditRead) {
        if (auditRead) {
            audit.readSensitive(RETURN, ref.id());
        }
        return records.details(ref);
    }

    /** The saved answers by standard id (standards with nothing saved are absent). */
    public Map<Long, StandardResponse> responses(long returnId) {
        return records.responses(returnId);
    }

    StandardResponse response(long returnId, long standardId) {
        StandardResponse r = responses(returnId).get(standardId);
        return r == null ? StandardResponse.none(standardId) : r;
    }

    /** Each section's status: completed as the person said, in progress once anything is saved in it. */
    public Map<Long, Progress> progress(
            ReturnRef ref, TemplateStructure template, Map<Long, StandardResponse> responses) {
        Map<Long, Boolean> marked = records.sectionsMarked(ref.id());
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

    public Map<Long, List<DocumentSummary>> documentsByStandard(Map<Long, StandardResponse> responses) {
        Map<Long, Long> standardOf = new HashMap<>();
        responses.values().forEach(r -> standardOf.put(r.id(), r.standardId()));
        Map<Long, List<DocumentSummary>> out = new HashMap<>();
        documents.list(RESPONSE, standardOf.keySet()).forEach((rid, docs) -> out.put(standardOf.get(rid), docs));
        return out;
    }

    public Map<Long, List<Improvement>> improvements(long returnId) {
        return records.improvements(returnId);
    }

    /** The same agency's return in the cycle's previous cycle, if there is one. */
    public Optional<PreviousReturn> previous(ReturnRef ref) {
        return records.previous(ref);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Changing

    /** Starts the return blank or from the previous cycle's answers and documents, each marked for review. */
    @Transactional
    public void start(ReturnRef ref, boolean fromPrevious) {
        Section11Return ret = open(ref);
        if (ret.status() != ReturnStatus.NOT_STARTED) {
            return; // started already (another tab or a colleague): nothing to choose any more
        }
        Actor actor = Actors.require();
        PreviousReturn previous = fromPrevious ? previous(ref).orElse(null) : null;
        if (previous != null) {
            carryForward(ref, previous, actor);
        }
        ret.start(previous == null ? null : previous.id());
        records.save(ret);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("Status", ret.status().label());
        after.put(
                "Started from",
                previous == null ? "A blank return" : "The " + previous.cycleName() + " answers, each to be checked");
        Map<String, Object> was = new LinkedHashMap<>();
        was.put("Status", ret.loadedStatus().label());
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
            carryForward(ref, previous, actor, to, target, source.get(), was);
        }
    }

    /** One standard's answer, score, evidence and documents carried into the new return, marked for review. */
    private void carryForward(
            ReturnRef ref,
            PreviousReturn previous,
            Actor actor,
            TemplateStructure to,
            Standard target,
            Standard source,
            StandardResponse was) {
        // a score the new scale does not have, or "not applicable" where it is no longer allowed, is left for the
        // agency to choose again
        Integer score =
                was.score() != null && to.scale().stream().anyMatch(l -> l.score() == was.score()) ? was.score() : null;
        boolean na = was.notApplicable() && to.allowNotApplicable();
        long rid = records.insertCarried(ref, target.id(), score, na, was.evidence(), actor.displayName());
        Map<Long, String> answers = new HashMap<>();
        for (Question q : target.questions()) {
            source.questions().stream()
                    .filter(oq -> oq.code().equals(q.code()))
                    .findFirst()
                    .map(oq -> was.answers().get(oq.id()))
                    .ifPresent(v -> answers.put(q.id(), v));
        }
        records.writeAnswers(rid, ref.agencyId(), answers);
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

    /** Saves one standard on its own (the background save). */
    @Transactional
    public Outcome autosave(ReturnRef ref, Standard standard, StandardEntry entry, int version) {
        Section11Return ret = open(ref);
        Outcome outcome = save(ref, template(ref), standard, entry, version, null);
        if (outcome instanceof Saved s && s.changed()) {
            changed(ret);
        }
        return outcome;
    }

    /**
     * Saves a section's standards and whether it is completed, all or nothing: if any standard the person changed
     * was saved by someone else meanwhile, nothing is kept and {@link StaleStandards} says which.
     */
    @Transactional
    public Map<Long, Saved> saveSection(
            ReturnRef ref,
            Section section,
            Map<Long, StandardEntry> entries,
            Map<Long, Integer> versions,
            Map<Long, String> loaded,
            boolean completed) {
        Section11Return ret = open(ref);
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
        changed |= markSection(ref, section, completed);
        if (changed) {
            changed(ret);
        }
        return saved;
    }

    /** Records whether the section is completed; false when it already was as marked. */
    private boolean markSection(ReturnRef ref, Section section, boolean completed) {
        Boolean was = records.sectionsMarked(ref.id()).get(section.id());
        if (was != null && was == completed) {
            return false;
        }
        records.markSection(ref, section.id(), completed);
        audit.changed(
                AuditAction.UPDATE,
                RETURN,
                ref.id(),
                Map.of("Section " + section.code() + " completed", was == null ? "Not started" : yesNo(was)),
                Map.of("Section " + section.code() + " completed", yesNo(completed)));
        return true;
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
        long rid = records.ensureResponse(ref, standard.id());
        StandardResponse current = records.lockResponse(rid);
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
        int next = records.updateResponse(rid, entry, actor.displayName(), actor.userId());
        records.writeAnswers(rid, ref.agencyId(), entry.answers());
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
    public DocumentSummary upload(ReturnRef ref, Standard standard, Upload upload) {
        documents.check(upload);
        Section11Return ret = open(ref);
        long rid = records.ensureResponse(ref, standard.id());
        DocumentSummary stored =
                documents.store(Actors.require().partnershipId(), ref.agencyId(), RESPONSE, rid, upload, null);
        audit.changed(AuditAction.UPDATE, RESPONSE, rid, Map.of(), Map.of("Document added", stored.fileName()));
        changed(ret);
        return stored;
    }

    /** A document of this return, by id; empty if it belongs to anything else. */
    public Optional<DocumentContent> document(ReturnRef ref, long documentId) {
        List<Long> responseIds =
                responses(ref.id()).values().stream().map(StandardResponse::id).toList();
        return documents.list(RESPONSE, responseIds).entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(d -> d.id() == documentId))
                .map(Map.Entry::getKey)
                .findFirst()
                .flatMap(rid -> documents.read(documentId, RESPONSE, rid));
    }

    @Transactional
    public long addImprovement(ReturnRef ref, Standard standard, String text, String owner, LocalDate due) {
        Section11Return ret = open(ref);
        Actor actor = Actors.require();
        long id = records.insertImprovement(ref, standard.id(), text, owner, due, actor.displayName());
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("return", ref.id());
        values.put("Standard", standard.code());
        values.put("Improvement action", text);
        values.put("Owner", owner);
        values.put("Due", ReturnViews.date(due));
        audit.created(IMPROVEMENT, id, values);
        changed(ret);
        return id;
    }

    @Transactional
    public void removeImprovement(ReturnRef ref, long improvementId) {
        Section11Return ret = open(ref);
        Improvement gone = improvements(ref.id()).values().stream()
                .flatMap(List::stream)
                .filter(i -> i.id() == improvementId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Improvement action"));
        records.deleteImprovement(ref.id(), improvementId);
        Map<String, Object> was = new LinkedHashMap<>();
        was.put("return", ref.id());
        was.put("Improvement action", gone.text());
        was.put("Owner", gone.ownerName());
        Map<String, Object> now = new LinkedHashMap<>();
        now.put("return", null);
        now.put("Improvement action", "Removed");
        now.put("Owner", null);
        audit.changed(AuditAction.ARCHIVE, IMPROVEMENT, improvementId, was, now);
        changed(ret);
    }

    /** Why the return cannot be submitted yet, keyed by where to fix it; empty when complete. */
    public Map<String, String> incomplete(ReturnRef ref) {
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
    public Map<String, String> submit(
            ReturnRef ref, int version, String officerName, String officerRole, boolean confirmed) {
        Section11Return ret = open(ref);
        Actor actor = Actors.require();
        Map<String, String> problems =
                ret.submit(version, incomplete(ref), officerName, officerRole, confirmed, actor.displayName());
        if (!problems.isEmpty()) {
            return problems;
        }
        records.save(ret);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("Status", ret.status().label());
        after.put("Submitted by", actor.displayName());
        after.put("Accountable officer", officerName + ", " + officerRole);
        audit.changed(
                AuditAction.UPDATE,
                RETURN,
                ref.id(),
                Map.of("Status", ret.loadedStatus().label()),
                after);
        String id = String.valueOf(ref.id());
        for (long p : ref.cyclePartnershipIds()) {
            events.publishEvent(new TaskResolved(p, RETURN, id));
            for (Contributor c : records.contributors(ref.id())) {
                events.publishEvent(new TaskResolved(p, CONTRIBUTOR, ref.id() + ":" + c.userId()));
            }
        }
        for (long p : records.servedPartnerships(ref)) {
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

    // ---------------------------------------------------------------------------------------------------------

    /** The return under its row lock, refused if it is no longer open to the agency. */
    private Section11Return open(ReturnRef ref) {
        Section11Return ret = records.lock(ref.id());
        ret.requireOpen();
        return ret;
    }

    /** Any change moves a return from not started to in progress and moves its version on. */
    private void changed(Section11Return ret) {
        boolean started = ret.changed();
        records.save(ret);
        if (started) {
            audit.changed(
                    AuditAction.UPDATE,
                    RETURN,
                    ret.id(),
                    Map.of("Status", ReturnStatus.NOT_STARTED.label()),
                    Map.of("Status", ret.status().label()));
        }
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

    public static @Nullable String scoreText(TemplateStructure template, StandardResponse r) {
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

    public static String possessive(String name) {
        return name.endsWith("s") ? name + "'" : name + "'s";
    }

    private static String yesNo(boolean b) {
        return b ? "Yes" : "No";
    }
}
