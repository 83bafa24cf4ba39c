package org.safeguardinghub.organisation.groups;

import static org.safeguardinghub.organisation.support.Like.blankToNull;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.organisation.agencies.Agencies;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, changing and archiving a partnership's groups, and keeping their membership: people join, change role
 * and leave, and are never deleted. Every method works inside one partnership (an id from another partnership is
 * not found) and audits its change in the same transaction.
 *
 * <p>The web layer checks the rules first to show friendly messages; they are checked here again so no caller can
 * break them: a group is never its own parent or ancestor, and nobody leaves before they joined.
 */
@Service
@PreAuthorize("hasAuthority('organisation:manage')")
public class GroupAdministration {

    private final GroupRecords groups;
    private final GroupMemberRecords members;
    private final Agencies agencies;
    private final AuditTrail audit;

    GroupAdministration(GroupRecords groups, GroupMemberRecords members, Agencies agencies, AuditTrail audit) {
        this.groups = groups;
        this.members = members;
        this.agencies = agencies;
        this.audit = audit;
    }

    /** Details of a group as typed into a form, already validated. */
    public record GroupDetails(
            String name,
            @Nullable Long parentGroupId,
            @Nullable String purpose,
            @Nullable String termsOfReference,
            @Nullable String meetingFrequency) {}

    /** Details of a membership as typed into a form, already validated. */
    public record MemberDetails(
            String personName,
            @Nullable String jobTitle,
            @Nullable Long agencyId,
            MemberRole role,
            @Nullable LocalDate joinedOn,
            @Nullable LocalDate leftOn) {}

    @Transactional
    public long createGroup(long partnershipId, GroupDetails d) {
        checkParent(partnershipId, null, d.parentGroupId());
        long id = groups.insert(
                partnershipId,
                d.parentGroupId(),
                d.name().trim(),
                blankToNull(d.purpose()),
                blankToNull(d.termsOfReference()),
                blankToNull(d.meetingFrequency()));
        audit.created(
                "group",
                id,
                groups.inPartnership(partnershipId, id).orElseThrow().auditValues());
        return id;
    }

    @Transactional
    public void updateGroup(long partnershipId, long id, int version, GroupDetails d) {
        Group before = groups.inPartnership(partnershipId, id).orElseThrow(() -> new NotFoundException("Group"));
        checkParent(partnershipId, id, d.parentGroupId());
        if (!groups.update(
                partnershipId,
                id,
                version,
                d.parentGroupId(),
                d.name().trim(),
                blankToNull(d.purpose()),
                blankToNull(d.termsOfReference()),
                blankToNull(d.meetingFrequency()))) {
            throw new ConcurrentEditException("This group");
        }
        Group after = groups.inPartnership(partnershipId, id).orElseThrow();
        audit.changed(AuditAction.UPDATE, "group", id, before.auditValues(), after.auditValues());
    }

    @Transactional
    public void archiveGroup(long partnershipId, long id, int version, boolean archive) {
        groups.inPartnership(partnershipId, id).orElseThrow(() -> new NotFoundException("Group"));
        if (!groups.setArchived(partnershipId, id, version, archive)) {
            throw new ConcurrentEditException("This group");
        }
        audit.event(
                archive ? AuditAction.ARCHIVE : AuditAction.RESTORE, "group", id, archive ? "Archived" : "Restored");
    }

    @Transactional
    public long addMember(long partnershipId, long groupId, MemberDetails d) {
        groups.inPartnership(partnershipId, groupId).orElseThrow(() -> new NotFoundException("Group"));
        checkMember(partnershipId, d);
        long id = members.insert(
                groupId,
                d.personName().trim(),
                blankToNull(d.jobTitle()),
                d.agencyId(),
                d.role(),
                d.joinedOn(),
                d.leftOn());
        GroupMember created = members.inGroup(partnershipId, groupId, id).orElseThrow();
        audit.created("group_member", id, created.auditValues());
        return id;
    }

    @Transactional
    public void updateMember(long partnershipId, long groupId, long memberId, int version, MemberDetails d) {
        GroupMember before =
                members.inGroup(partnershipId, groupId, memberId).orElseThrow(() -> new NotFoundException("Member"));
        checkMember(partnershipId, d);
        if (!members.update(
                groupId,
                memberId,
                version,
                d.personName().trim(),
                blankToNull(d.jobTitle()),
                d.agencyId(),
                d.role(),
                d.joinedOn(),
                d.leftOn())) {
            throw new ConcurrentEditException("This membership");
        }
        GroupMember after = members.inGroup(partnershipId, groupId, memberId).orElseThrow();
        audit.changed(AuditAction.UPDATE, "group_member", memberId, before.auditValues(), after.auditValues());
    }

    /** Records that the member left the group on {@code leftOn}. The membership stays in the group's history. */
    @Transactional
    public void markLeft(long partnershipId, long groupId, long memberId, int version, LocalDate leftOn) {
        GroupMember before =
                members.inGroup(partnershipId, groupId, memberId).orElseThrow(() -> new NotFoundException("Member"));
        checkDates(before.joinedOn(), leftOn);
        if (!members.markLeft(groupId, memberId, version, leftOn)) {
            throw new ConcurrentEditException("This membership");
        }
        GroupMember after = members.inGroup(partnershipId, groupId, memberId).orElseThrow();
        audit.changed(AuditAction.UPDATE, "group_member", memberId, before.auditValues(), after.auditValues());
    }

    private void checkParent(long partnershipId, @Nullable Long groupId, @Nullable Long parentId) {
        if (parentId == null) {
            return;
        }
        groups.inPartnership(partnershipId, parentId).orElseThrow(() -> new NotFoundException("Parent group"));
        if (groupId != null && groups.selfAndBelow(groupId).contains(parentId)) {
            throw new IllegalArgumentException("A group cannot sit under itself or one of its own sub-groups");
        }
    }

    private void checkMember(long partnershipId, MemberDetails d) {
        if (d.agencyId() != null) {
            agencies.inPartnership(partnershipId, d.agencyId()).orElseThrow(() -> new NotFoundException("Agency"));
        }
        checkDates(d.joinedOn(), d.leftOn());
    }

    private static void checkDates(@Nullable LocalDate joinedOn, @Nullable LocalDate leftOn) {
        if (joinedOn != null && leftOn != null && leftOn.isBefore(joinedOn)) {
            throw new IllegalArgumentException("A member cannot leave before they joined");
        }
    }
}
