package org.safeguardinghub.section11.returns;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.section11.access.ReturnRef;
import org.safeguardinghub.section11.returns.ReturnViews.Colleague;
import org.safeguardinghub.section11.returns.ReturnViews.Contributor;
import org.safeguardinghub.tasks.PersonTaskRequested;
import org.safeguardinghub.tasks.TaskResolved;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The colleagues an agency's lead invites to help complete its Section 11 return: each gets a task to help, closed
 * when they are removed or the return is submitted. Callers check the lead's access through {@code ReturnAccess}.
 */
@Service
public class ReturnContributors {

    private final SelfAssessmentRecords records;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    ReturnContributors(SelfAssessmentRecords records, AuditTrail audit, ApplicationEventPublisher events) {
        this.records = records;
        this.audit = audit;
        this.events = events;
    }

    public List<Contributor> contributors(long returnId) {
        return records.contributors(returnId);
    }

    /** Active people of the agency who are not yet contributors (and not the lead asking). */
    public List<Colleague> invitable(ReturnRef ref) {
        return records.invitable(ref, Actors.require().userId());
    }

    @Transactional
    public void invite(ReturnRef ref, long userId) {
        Colleague colleague = invitable(ref).stream()
                .filter(c -> c.userId() == userId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Colleague"));
        Actor actor = Actors.require();
        records.insertContributor(ref, userId, actor.displayName());
        audit.created(SelfAssessment.CONTRIBUTOR, ref.id() + ":" + userId, Map.of("Contributor", colleague.name()));
        LocalDate closes = records.closesOn(ref.cycleId());
        for (long p : records.servedPartnerships(ref)) {
            events.publishEvent(new PersonTaskRequested(
                    p,
                    userId,
                    "Help complete " + SelfAssessment.possessive(ref.agencyName()) + " Section 11 return",
                    "/section11/returns/" + ref.id(),
                    closes,
                    SelfAssessment.CONTRIBUTOR,
                    ref.id() + ":" + userId));
        }
    }

    @Transactional
    public void remove(ReturnRef ref, long userId) {
        Contributor gone = contributors(ref.id()).stream()
                .filter(c -> c.userId() == userId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Contributor"));
        records.deleteContributor(ref.id(), userId);
        Map<String, Object> now = new HashMap<>();
        now.put("Contributor", null);
        audit.changed(
                AuditAction.ARCHIVE,
                SelfAssessment.CONTRIBUTOR,
                ref.id() + ":" + userId,
                Map.of("Contributor", gone.name()),
                now);
        for (long p : ref.cyclePartnershipIds()) {
            events.publishEvent(new TaskResolved(p, SelfAssessment.CONTRIBUTOR, ref.id() + ":" + userId));
        }
    }
}
