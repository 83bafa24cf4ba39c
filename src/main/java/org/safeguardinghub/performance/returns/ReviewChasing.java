package org.safeguardinghub.performance.returns;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.safeguardinghub.organisation.Organisation;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes sure every submitted return has the business team's review task, due five working days after it was
 * submitted, as submitting on the page raises it. Run by {@link ReturnChasing} with the daily chase, so returns that
 * reached "submitted" another way (loaded data, an import, a task lost before this existed) are not left waiting
 * with nobody asked to look. A review task already closed (the return reviewed, or the task marked done) stays
 * closed.
 */
@Component
class ReviewChasing {

    private final ReturnRecords store;
    private final Organisation organisation;
    private final ReturnTasks tasks;

    ReviewChasing(ReturnRecords store, Organisation organisation, ReturnTasks tasks) {
        this.store = store;
        this.organisation = organisation;
        this.tasks = tasks;
    }

    @Transactional
    void chase(long partnershipId) {
        Map<Long, String> names = new HashMap<>();
        organisation.agenciesOf(partnershipId).forEach(a -> names.put(a.id(), a.name()));
        for (ReturnRow ret : store.submitted(partnershipId)) {
            String agency = names.get(ret.agencyId());
            if (agency == null || ret.submittedAt() == null) {
                continue; // the agency left the partnership
            }
            LocalDate submitted = LocalDate.ofInstant(ret.submittedAt(), ZoneId.of("Europe/London"));
            tasks.askReview(ret, agency, submitted);
        }
    }
}
