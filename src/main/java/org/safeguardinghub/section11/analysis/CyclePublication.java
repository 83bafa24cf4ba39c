package org.safeguardinghub.section11.analysis;

import java.util.LinkedHashMap;
import java.util.Map;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Publishing a cycle's analysis: once, by the business team, with the change and its audit row together. */
@Service
public class CyclePublication {

    private final AnalysisRecords data;
    private final AuditTrail audit;

    CyclePublication(AnalysisRecords data, AuditTrail audit) {
        this.data = data;
        this.audit = audit;
    }

    /** True when this call published it; false when someone already had (publishing is not undone here). */
    @Transactional
    public boolean publish(long cycleId, String byName) {
        if (!data.publish(cycleId, byName)) {
            return false;
        }
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("published", "no");
        before.put("publishedBy", "");
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("published", "yes");
        after.put("publishedBy", byName);
        audit.changed(AuditAction.UPDATE, "s11-cycle", cycleId, before, after);
        return true;
    }
}
