package org.safeguardinghub.section11.access;

import java.util.Objects;
import java.util.Optional;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.security.Audience;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.section11.Section11Access;
import org.springframework.stereotype.Service;

/**
 * The one place that decides who may read, fill in and moderate a Section 11 return. Until the analysis is
 * published a return is visible only to its own agency's lead and invited colleagues, the business team of a
 * partnership in the cycle, and the panel members assigned to it; a panel member never moderates their own agency.
 * Anything else is a 404, so an id reveals nothing. Row-level security adds the agency scope underneath.
 */
@Service
public class ReturnAccess {

    private final ReturnAccessRecords records;

    ReturnAccess(ReturnAccessRecords records) {
        this.records = records;
    }

    /** The return if the signed-in person may read it; otherwise 404. */
    public ReturnRef readable(long returnId) {
        Actor actor = Actors.require();
        ReturnRef ref = inActorsPartnership(actor, returnId);
        if (isRespondent(actor, ref)) {
            return ref;
        }
        // a partnership's business team and panel see only agencies that serve that partnership, even in a
        // joint cycle, and a panel member sees a return only once it has been submitted for moderation
        if (servesActorsPartnership(actor, ref)
                && (actor.can(Section11Access.SECTION11_MANAGE)
                        || (ref.status().received() && isAssigned(actor, ref)))) {
            return ref;
        }
        throw new NotFoundException("Section 11 return");
    }

    /** The return if the signed-in person may change its answers now; 404 if not theirs, 409 with why if locked. */
    public ReturnRef editable(long returnId) {
        Actor actor = Actors.require();
        ReturnRef ref = inActorsPartnership(actor, returnId);
        if (!isRespondent(actor, ref)) {
            throw new NotFoundException("Section 11 return");
        }
        if (!ref.status().editable()) {
            throw new ReturnLockedException("This return was submitted and is locked: the panel is moderating it."
                    + " Answer the panel's challenges instead, or ask the business team to reopen it if it was"
                    + " submitted by mistake.");
        }
        return ref;
    }

    /**
     * The return if the signed-in person may moderate it for their current partnership: the business team, or an
     * assigned panel member from another agency; the return must have been submitted.
     */
    public ReturnRef moderatable(long returnId) {
        Actor actor = Actors.require();
        ReturnRef ref = inActorsPartnership(actor, returnId);
        boolean business = actor.can(Section11Access.SECTION11_MANAGE);
        if (!business && !isAssigned(actor, ref)) {
            throw new NotFoundException("Section 11 return");
        }
        // nobody moderates their own agency, not even the business team (a business officer employed by the
        // council does not moderate the council's return)
        if (Objects.equals(actor.agencyId(), ref.agencyId()) || !servesActorsPartnership(actor, ref)) {
            throw new NotFoundException("Section 11 return");
        }
        if (!ref.status().received()) {
            throw new ReturnLockedException("This return has not been submitted yet, so it cannot be moderated.");
        }
        return ref;
    }

    /** The agency lead of the return's agency, or a colleague the lead invited to it. */
    public boolean isRespondent(Actor actor, ReturnRef ref) {
        if (!actor.can(Section11Access.SECTION11_RESPOND) || !Objects.equals(actor.agencyId(), ref.agencyId())) {
            return false;
        }
        return actor.isIn(Audience.AGENCY_LEAD) || isContributor(actor.userId(), ref.id());
    }

    /** Assigned to moderate the return for the person's current partnership. */
    public boolean isAssigned(Actor actor, ReturnRef ref) {
        return actor.can(Section11Access.SECTION11_MODERATE)
                && records.assigned(ref.id(), actor.partnershipId(), actor.userId());
    }

    /** Whether the return's agency serves the person's current partnership. */
    public boolean servesActorsPartnership(Actor actor, ReturnRef ref) {
        return records.serves(ref.agencyId(), actor.partnershipId());
    }

    public boolean isContributor(long userId, long returnId) {
        return records.contributor(userId, returnId);
    }

    /** Whether the cycle runs in the person's current partnership (and so its pages may exist for them). */
    public boolean cycleVisible(long cycleId) {
        return records.cycleInPartnership(cycleId, Actors.require().partnershipId());
    }

    private ReturnRef inActorsPartnership(Actor actor, long returnId) {
        return find(returnId)
                .filter(r -> r.cyclePartnershipIds().contains(actor.partnershipId()))
                .orElseThrow(() -> new NotFoundException("Section 11 return"));
    }

    /** The return as row-level security lets the current person see it, with no role check. */
    public Optional<ReturnRef> find(long returnId) {
        return records.find(returnId);
    }
}
