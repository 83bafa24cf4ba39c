package org.safeguardinghub.section11.returns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditSearch;
import org.safeguardinghub.section11.access.ReturnRef;
import org.safeguardinghub.section11.returns.ReturnViews.Change;
import org.safeguardinghub.section11.returns.ReturnViews.HistoryEntry;
import org.safeguardinghub.section11.templates.TemplateStructure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A return's audit trail as a history people can read: the return itself, its answers, improvement actions and
 * contributors, and what the moderation pages record about it (moderated scores, challenges and the agreed
 * position), oldest first. Reads of the return are left out: the history is about what changed. The entries come
 * through the audit module's {@link AuditSearch}; this class only names the records and the subjects people read.
 */
@Service
public class ReturnHistory {

    private final ReturnHistoryRecords store;
    private final AuditSearch audit;

    ReturnHistory(ReturnHistoryRecords store, AuditSearch audit) {
        this.store = store;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<HistoryEntry> of(ReturnRef ref, TemplateStructure template, @Nullable Long onlyPartnership) {
        Map<String, String> subjects = new HashMap<>();
        Map<Long, String> standards = new HashMap<>();
        template.standards().forEach(s -> standards.put(s.id(), s.code() + " " + s.title()));
        List<String> responses = new ArrayList<>();
        for (ReturnHistoryRecords.Subject r : store.responses(ref.id())) {
            responses.add(String.valueOf(r.id()));
            subjects.put("s11-response|" + r.id(), standards.getOrDefault(r.standardId(), "A standard"));
        }
        // the moderation pages key a moderated score as "<returnId>-<partnershipId>-<standardId>"
        for (ReturnHistoryRecords.Subject m : store.moderatedScores(ref.id())) {
            subjects.put(
                    "s11-moderated-score|" + ref.id() + "-" + m.partnershipId() + "-" + m.standardId(),
                    standards.getOrDefault(m.standardId(), "A standard"));
        }
        List<String> challenges = new ArrayList<>();
        List<String> challengesOfPartnership = new ArrayList<>();
        for (ReturnHistoryRecords.Subject c : store.challenges(ref.id())) {
            challenges.add(String.valueOf(c.id()));
            if (onlyPartnership != null && onlyPartnership == c.partnershipId()) {
                challengesOfPartnership.add(String.valueOf(c.id()));
            }
            subjects.put("s11-challenge|" + c.id(), standards.getOrDefault(c.standardId(), "A standard"));
        }
        List<HistoryEntry> entries = new ArrayList<>();
        for (AuditSearch.HistoryEntry e :
                audit.history(records(ref, responses, challenges, challengesOfPartnership, onlyPartnership))) {
            List<Change> changes = new ArrayList<>();
            for (AuditSearch.Change c : e.changes()) {
                // the improvement's return id only links the entry to this return
                if (!("s11-improvement".equals(e.recordType()) && "return".equals(c.key()))) {
                    changes.add(new Change(c.key(), c.before(), c.after()));
                }
            }
            entries.add(new HistoryEntry(
                    e.occurredAt(),
                    e.actorName(),
                    subject(e.recordType(), e.recordId(), subjects),
                    action(e.action()),
                    changes));
        }
        return List.copyOf(entries);
    }

    /**
     * The records whose audit entries make the return's history: the return, its answers, improvement actions
     * (linked by the return they name, as a removed one is no longer stored) and contributors, and what the
     * moderation pages record about it. Moderation written by (or for) another partnership is that partnership's.
     */
    private static List<AuditSearch.RecordsOf> records(
            ReturnRef ref,
            List<String> responses,
            List<String> challenges,
            List<String> challengesOfPartnership,
            @Nullable Long only) {
        String rid = String.valueOf(ref.id());
        List<AuditSearch.RecordsOf> records = new ArrayList<>();
        records.add(new AuditSearch.RecordsOf("s11-return", List.of(rid), List.of(), null, null, null));
        records.add(new AuditSearch.RecordsOf("s11-response", responses, List.of(), null, null, null));
        records.add(new AuditSearch.RecordsOf("s11-improvement", List.of(), List.of(), "return", rid, null));
        records.add(new AuditSearch.RecordsOf("s11-contributor", List.of(), List.of(rid + ":"), null, null, null));
        records.add(new AuditSearch.RecordsOf("s11-moderated-score", List.of(), List.of(rid + "-"), null, null, only));
        records.add(new AuditSearch.RecordsOf("s11-challenge", challenges, List.of(), null, null, only));
        records.add(new AuditSearch.RecordsOf("s11-challenge", challengesOfPartnership, List.of(), null, null, null));
        records.add(new AuditSearch.RecordsOf(
                "s11-moderation", List.of(rid), List.of(rid + ":", rid + "-"), null, null, only));
        return records;
    }

    private static String subject(String type, @Nullable String recordId, Map<String, String> subjects) {
        String standard = subjects.get(type + "|" + recordId);
        return switch (type) {
            case "s11-return" -> "The return";
            case "s11-response" -> "Answer to " + (standard == null ? "a standard" : standard);
            case "s11-improvement" -> "Improvement action";
            case "s11-contributor" -> "Contributors";
            case "s11-moderated-score" -> "Moderated score for " + (standard == null ? "a standard" : standard);
            case "s11-challenge" -> "Challenge on " + (standard == null ? "a standard" : standard);
            case "s11-moderation" -> "Panel's final position";
            default -> type;
        };
    }

    private static String action(String action) {
        return switch (action) {
            case "CREATE" -> "Added";
            case "UPDATE" -> "Changed";
            case "ARCHIVE" -> "Removed";
            default ->
                action.charAt(0)
                        + action.substring(1).toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }
}
