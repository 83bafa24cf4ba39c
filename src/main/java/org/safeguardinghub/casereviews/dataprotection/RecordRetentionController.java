package org.safeguardinghub.casereviews.dataprotection;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * How case records are protected: who may see them, how long each kind is kept and on what lawful basis, and what
 * is left out on purpose (UK GDPR data minimisation and storage limitation, reference.md 3.1).
 */
@Controller
class RecordRetentionController {

    record Retention(
            String recordType,
            String keptFor,
            String basis,
            @Nullable String minimised) {}

    private final JdbcClient jdbc;

    RecordRetentionController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/cases/data-protection")
    String page(Model model) {
        List<Retention> rules = jdbc.sql("""
                        select record_type, kept_for, basis, minimised from record_retention order by record_type""").query(Retention.class).list();
        model.addAttribute("rules", rules);
        return "casereviews/data-protection";
    }
}
