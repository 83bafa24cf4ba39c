package org.safeguardinghub.section11.returns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.section11.access.ReturnRef;
import org.safeguardinghub.section11.returns.ReturnViews.Change;
import org.safeguardinghub.section11.returns.ReturnViews.HistoryEntry;
import org.safeguardinghub.section11.templates.TemplateStructure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A return's audit trail as a history people can read: the return itself, its answers, improvement actions and
 * contributors, and what the moderation pages record about it (moderated scores, challenges and the agreed
 * position), oldest first. Reads of the return are left out: the history is about what changed.
 */
@Service
class ReturnHistory {

    private final JdbcClient jdbc;

    ReturnHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    List<HistoryEntry> of(ReturnRef ref, TemplateStructure template, @Nullable Long onlyPartnership) {
        Map<String, String> subjects = new HashMap<>();
        Map<Long, String> standards = new HashMap<>();
        template.standards().forEach(s -> standards.put(s.id(), s.code() + " " + s.title()));
        name(subjects, "select id, standard_id from s11_response where return_id = :r", "s11-response", standards, ref);
        // the moderation pages key a moderated score as "<returnId>-<partnershipId>-<standardId>"
        jdbc.sql("select partnership_id, standard_id from s11_moderated_score where return_id = :r")
                .param("r", ref.id())
                .query((rs, n) -> subjects.put(
                        "s11-moderated-score|" + ref.id() + "-" + rs.getLong(1) + "-" + rs.getLong(2),
                        standards.getOrDefault(rs.getLong(2), "A standard")))
                .list();
        name(
                subjects,
                "select id, standard_id from s11_challenge where return_id = :r",
                "s11-challenge",
                standards,
                ref);
        String rid = String.valueOf(ref.id());
        Map<Long, HistoryEntry> entries = new LinkedHashMap<>();
        jdbc.sql("""
                        select e.id, e.occurred_at, e.actor_name, e.action, e.record_type, e.record_id,
                               c.key, c.value ->> 'before' as before, c.value ->> 'after' as after
                        from audit_event e left join lateral jsonb_each(e.changes) c on true
                        where e.action <> 'READ_SENSITIVE' and (
                              (e.record_type = 's11-return' and e.record_id = :rid)
                           or (e.record_type = 's11-response'
                               and e.record_id in (select id::text from s11_response where return_id = :r))
                           or (e.record_type = 's11-improvement'
                               and coalesce(e.changes -> 'return' ->> 'after', e.changes -> 'return' ->> 'before') = :rid)
                           or (e.record_type = 's11-contributor' and e.record_id like :prefix)
                           or ((e.record_type = 's11-moderated-score'
                                and e.record_id like :dash)
                               or (e.record_type = 's11-challenge'
                                   and e.record_id in (select id::text from s11_challenge where return_id = :r))
                               or (e.record_type = 's11-moderation'
                                   and (e.record_id = :rid or e.record_id like :prefix or e.record_id like :dash)))
                              -- moderation written by (or for) another partnership is that partnership's
                              and (cast(:only as bigint) is null or e.partnership_id = :only
                                   or (e.record_type = 's11-challenge' and e.record_id in
                                       (select id::text from s11_challenge where return_id = :r
                                                                            and partnership_id = :only))))
                        order by e.occurred_at, e.id""")
                .param("only", onlyPartnership)
                .param("rid", rid)
                .param("r", ref.id())
                .param("prefix", rid + ":%")
                .param("dash", rid + "-%")
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    String type = rs.getString("record_type");
                    String recordId = rs.getString("record_id");
                    HistoryEntry entry = entries.computeIfAbsent(id, k -> {
                        try {
                            return new HistoryEntry(
                                    rs.getTimestamp("occurred_at").toInstant(),
                                    rs.getString("actor_name"),
                                    subject(type, recordId, subjects),
                                    action(rs.getString("action")),
                                    new ArrayList<>());
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    String key = rs.getString("key");
                    // the improvement's return id only links the entry to this return
                    if (key != null && !("s11-improvement".equals(type) && "return".equals(key))) {
                        entry.changes().add(new Change(key, rs.getString("before"), rs.getString("after")));
                    }
                    return null;
                })
                .list();
        return List.copyOf(entries.values());
    }

    private void name(
            Map<String, String> subjects, String sql, String type, Map<Long, String> standards, ReturnRef ref) {
        jdbc.sql(sql)
                .param("r", ref.id())
                .query((rs, n) ->
                        subjects.put(type + "|" + rs.getLong(1), standards.getOrDefault(rs.getLong(2), "A standard")))
                .list();
    }

    private static String subject(String type, String recordId, Map<String, String> subjects) {
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
