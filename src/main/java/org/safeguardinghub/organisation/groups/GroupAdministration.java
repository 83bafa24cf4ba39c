package org.safeguardinghub.organisation.groups;

import static org.safeguardinghub.organisation.support.Like.blankToNull;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.organisation.agencies.Agencies;
import org.safeguardinghub.organisation.support.AuditedChanges;
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
    private final AuditedChanges<Group> groupChanges;
    private final AuditedChanges<GroupMember> memberChanges;

    GroupAdministration(GroupRecords groups, GroupMemberRecords members, Agencies agencies, AuditTrail audit) {
        this.groups = groups;
        this.members = members;
        this.agencies = agencies;
        this.groupChanges = new AuditedChanges<>(audit, "group", "Group", "This group", Group::auditValues);
        this.memberChanges =
                new AuditedChanges<>(audit, "group_member", "Member", "This membership", GroupMember::auditValues);
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
        return groupChanges.create(
                () -> groups.insert(
                        partnershipId,
                        d.parentGroupId(),
                        d.name().trim(),
                        blankToNull(d.purpose()),
                        blankToNull(d.termsOfReference()),
                        blankToNull(d.meetingFrequency())),
                id -> groups.inPartnership(partnershipId, id));
    }

    @Transactional
    public void updateGroup(long partnershipId, long id, int version, GroupDetails d) {
        groupChanges.update(id, () -> groups.inPartnership(partnershipId, id), before -> {
            checkParent(partnershipId, id, d.parentGroupId());
            return groups.update(
                    partnershipId,
                    id,
                    version,
                    d.parentGroupId(),
                    d.name().trim(),
                    blankToNull(d.purpose()),
                    blankToNull(d.termsOfReference()),
                    blankToNull(d.meetingFrequency()));
        });
    }

    @Transactional
    public void archiveGroup(long partnershipId, long id, int version, boolean archive) {
        groupChanges.archive(
                id,
                archive,
                () -> groups.inPartnership(partnershipId, id),
                () -> groups.setArchived(partnershipId, id, version, archive));
    }

    @Transactional
    public long addMember(long partnershipId, long groupId, MemberDetails d) {
        groups.inPartnership(partnershipId, groupId).orElseThrow(() -> new NotFoundException("Group"));
        checkMember(partnershipId, d);
        return memberChanges.create(
                () -> members.insert(
                        groupId,
                        d.personName().trim(),
                        blankToNull(d.jobTitle()),
                        d.agencyId(),
                        d.role(),
                        d.joinedOn(),
                        d.leftOn()),
                id -> members.inGroup(partnershipId, groupId, id));
    }

    @Transactional
    public void updateMember(long partnershipId, long groupId, long memberId, int version, MemberDetails d) {
        memberChanges.update(memberId, () -> members.inGroup(partnershipId, groupId, memberId), before -> {
            checkMember(partnershipId, d);
            return members.update(
                    groupId,
                    memberId,
                    version,
                    d.personName().trim(),
                    blankToNull(d.jobTitle()),
                    d.agencyId(),
                    d.role(),
                    d.joinedOn(),
                    d.leftOn());
        });
    }

    /** Records that the member left the group on {@code leftOn}. The membership stays in the group's history. */
    @Transactional
    public void markLeft(long partnershipId, long groupId, long memberId, int version, LocalDate leftOn) {
        memberChanges.update(memberId, () -> members.inGroup(partnershipId, groupId, memberId), before -> {
            checkDates(before.joinedOn(), leftOn);
            return members.markLeft(groupId, memberId, version, leftOn);
        });
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
