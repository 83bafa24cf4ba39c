package org.safeguardinghub.casereviews.dataprotection.web;

import org.safeguardinghub.casereviews.dataprotection.RecordRetentionRecords;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * How case records are protected: who may see them, how long each kind is kept and on what lawful basis, and what
 * is left out on purpose (UK GDPR data minimisation and storage limitation, reference.md 3.1).
 */
@Controller
class RecordRetentionController {

    private final RecordRetentionRecords retention;

    RecordRetentionController(RecordRetentionRecords retention) {
        this.retention = retention;
    }

    @GetMapping("/cases/data-protection")
    String page(Model model) {
        model.addAttribute("rules", retention.all());
        return "casereviews/data-protection";
    }
}
