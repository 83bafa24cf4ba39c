package org.safeguardinghub.organisation.web;

import static org.safeguardinghub.organisation.web.FormPages.FORM;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.BiConsumer;
import org.safeguardinghub.organisation.agencies.Agencies;
import org.safeguardinghub.organisation.groups.Group;
import org.safeguardinghub.organisation.groups.GroupAdministration;
import org.safeguardinghub.organisation.groups.GroupAdministration.GroupDetails;
import org.safeguardinghub.organisation.groups.GroupAdministration.MemberDetails;
import org.safeguardinghub.organisation.groups.GroupMember;
import org.safeguardinghub.organisation.groups.GroupMemberRecords;
import org.safeguardinghub.organisation.groups.GroupRecords;
import org.safeguardinghub.organisation.groups.MemberRole;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.FormReply;
import org.safeguardinghub.platform.web.Forms;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.platform.web.Option;
import org.safeguardinghub.platform.web.PageResult;
import org.safeguardinghub.platform.web.RecordPages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The groups of the current partnership and their members. Members are added, changed and marked as left, never
 * deleted. The member edit and leave pages are not covered by the route rules for forms, so they check
 * {@code organisation:manage} themselves (and the service checks it again).
 */
@Controller
class GroupController {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final GroupRecords groups;
    private final GroupMemberRecords members;
    private final Agencies agencies;
    private final GroupAdministration administration;
    private final Clock clock;
    private final RecordPages<Group, GroupForm> pages;

    GroupController(
            GroupRecords groups, GroupMemberRecords members, Agencies agencies, GroupAdministration administration) {
        this.groups = groups;
        this.members = members;
        this.agencies = agencies;
        this.administration = administration;
        this.clock = Clock.system(LONDON);
        BiConsumer<GroupForm, BindingResult> taken = RecordPages.taken("name", GroupController::taken);
        this.pages = new RecordPages<>("Group", "/groups", this::find, GroupForm::of, this::groupFormView, taken);
    }

    // ---- groups ---------------------------------------------------------------------------------------------

    @GetMapping("/groups")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        String text = Forms.text(q);
        model.addAttribute(
                "groups", groups.search(FormPages.partnership(), text, archived, page, PageResult.DEFAULT_SIZE));
        model.addAttribute("canManage", FormPages.canManage());
        pages.listFilters(model, text, archived);
        return "organisation/groups";
    }

    @GetMapping("/groups/{id}")
    String show(
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean former,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        long partnership = FormPages.partnership();
        Group group = find(id);
        model.addAttribute("group", group);
        model.addAttribute("subGroups", groups.subGroups(partnership, id));
        model.addAttribute("members", members.ofGroup(partnership, id, former, page, 50));
        model.addAttribute("former", former);
        model.addAttribute("formerCount", members.formerCount(id));
        model.addAttribute("canManage", FormPages.canManage());
        model.addAttribute("base", FormPages.base("/groups/" + id, "former", former ? "true" : null));
        return "organisation/group";
    }

    @GetMapping("/groups/new")
    String createForm(@RequestParam(required = false) Long parent, Model model) {
        GroupForm form = new GroupForm();
        if (parent != null
                && groups.inPartnership(FormPages.partnership(), parent).isPresent()) {
            form.setParentGroupId(parent);
        }
        return pages.newForm(model, form);
    }

    @PostMapping("/groups/new")
    String create(@Valid @ModelAttribute(FORM) GroupForm form, BindingResult errors, FormReply reply) {
        long partnership = FormPages.partnership();
        checkGroup(form, errors, partnership, null);
        return pages.create(form, errors, reply, () -> administration.createGroup(partnership, details(form)));
    }

    @GetMapping("/groups/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        return pages.editForm(id, model);
    }

    @PostMapping("/groups/{id}/edit")
    String update(
            @PathVariable long id, @Valid @ModelAttribute(FORM) GroupForm form, BindingResult errors, FormReply reply) {
        long partnership = FormPages.partnership();
        checkGroup(form, errors, partnership, id);
        Runnable save = () -> administration.updateGroup(partnership, id, form.getVersion(), details(form));
        return pages.update(id, form, errors, reply, save);
    }

    @PostMapping("/groups/{id}/{to:archive|restore}")
    String archive(
            @PathVariable long id, @PathVariable String to, @RequestParam int version, RedirectAttributes flash) {
        return pages.archive(
                id, to, flash, archive -> administration.archiveGroup(FormPages.partnership(), id, version, archive));
    }

    private void checkGroup(GroupForm form, BindingResult errors, long partnership, Long selfId) {
        if (!errors.hasFieldErrors("name") && groups.nameTaken(partnership, form.getName(), selfId)) {
            errors.rejectValue("name", "taken", taken(form));
        }
        Long parent = form.getParentGroupId();
        if (parent != null && !errors.hasFieldErrors("parentGroupId")) {
            if (selfId != null && parent.equals(selfId)) {
                errors.rejectValue("parentGroupId", "self", "A group cannot be its own parent group");
            } else if (groups.inPartnership(partnership, parent).isEmpty()) {
                errors.rejectValue("parentGroupId", "invalid", "Select a parent group from the list");
            } else if (selfId != null && groups.selfAndBelow(selfId).contains(parent)) {
                errors.rejectValue(
                        "parentGroupId", "loop", "The parent group cannot be one of this group's own sub-groups");
            }
        }
    }

    private static String taken(GroupForm form) {
        return "There is already a group called " + form.getName().trim() + " in this partnership (it may be archived)";
    }

    private static GroupDetails details(GroupForm form) {
        return new GroupDetails(
                form.getName(),
                form.getParentGroupId(),
                form.getPurpose(),
                form.getTermsOfReference(),
                form.getMeetingFrequency());
    }

    private String groupFormView(Model model, Group group, GroupForm form) {
        Long chosenParent = form.getParentGroupId();
        model.addAttribute("group", group);
        model.addAttribute("title", group == null ? "Add a group" : "Change " + group.name());
        model.addAttribute(
                "parentOptions",
                groups.parentChoices(FormPages.partnership(), group == null ? null : group.id(), chosenParent).stream()
                        .map(g -> Option.of(g.id(), g.archived() ? g.name() + " (archived)" : g.name()))
                        .toList());
        return "organisation/group-form";
    }

    private Group find(long id) {
        return groups.inPartnership(FormPages.partnership(), id).orElseThrow(() -> new NotFoundException("Group"));
    }

    // ---- members --------------------------------------------------------------------------------------------

    @GetMapping("/groups/{id}/members/new")
    String addMemberForm(@PathVariable long id, Model model) {
        FormPages.requireManage();
        Group group = find(id);
        MemberForm form = new MemberForm();
        form.setRole(MemberRole.MEMBER.name());
        model.addAttribute(FORM, form);
        return memberFormView(model, group, null);
    }

    @PostMapping("/groups/{id}/members/new")
    String addMember(
            @PathVariable long id,
            @Valid @ModelAttribute(FORM) MemberForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        long partnership = FormPages.partnership();
        Group group = find(id);
        MemberDetails details = validateMember(form, errors, partnership, id, null);
        if (details == null) {
            Forms.invalid(response);
            return memberFormView(model, group, null);
        }
        administration.addMember(partnership, id, details);
        flash.addFlashAttribute("flash", details.personName().trim() + " added to the group");
        return "redirect:/groups/" + id;
    }

    @GetMapping("/groups/{id}/members/{memberId}/edit")
    String editMemberForm(@PathVariable long id, @PathVariable long memberId, Model model) {
        FormPages.requireManage();
        Group group = find(id);
        GroupMember member = findMember(id, memberId);
        model.addAttribute(FORM, MemberForm.of(member));
        return memberFormView(model, group, member);
    }

    @PostMapping("/groups/{id}/members/{memberId}/edit")
    String updateMember(
            @PathVariable long id,
            @PathVariable long memberId,
            @Valid @ModelAttribute(FORM) MemberForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        long partnership = FormPages.partnership();
        Group group = find(id);
        GroupMember member = findMember(id, memberId);
        MemberDetails details = validateMember(form, errors, partnership, id, memberId);
        if (details == null) {
            Forms.invalid(response);
            return memberFormView(model, group, member);
        }
        try {
            administration.updateMember(partnership, id, memberId, form.getVersion(), details);
            flash.addFlashAttribute("flash", "Membership updated");
            return "redirect:/groups/" + id + (details.leftOn() != null ? "?former=true" : "");
        } catch (ConcurrentEditException e) {
            GroupMember current = findMember(id, memberId);
            Forms.conflict(model, FORM, MemberForm.of(current), e.getMessage(), response);
            return memberFormView(model, group, current);
        }
    }

    @GetMapping("/groups/{id}/members/{memberId}/leave")
    String leaveForm(@PathVariable long id, @PathVariable long memberId, Model model) {
        FormPages.requireManage();
        Group group = find(id);
        GroupMember member = findMember(id, memberId);
        model.addAttribute(FORM, LeaveForm.of(member, LocalDate.now(clock)));
        return leaveView(model, group, member);
    }

    @PostMapping("/groups/{id}/members/{memberId}/leave")
    String leave(
            @PathVariable long id,
            @PathVariable long memberId,
            @ModelAttribute(FORM) LeaveForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        long partnership = FormPages.partnership();
        Group group = find(id);
        GroupMember member = findMember(id, memberId);
        LocalDate leftOn = form.getLeftOn().read(errors, "leftOn", "Date left", true);
        if (leftOn != null) {
            checkLeftDate(errors, member.joinedOn(), leftOn);
        }
        if (errors.hasErrors() || leftOn == null) {
            Forms.invalid(response);
            return leaveView(model, group, member);
        }
        try {
            administration.markLeft(partnership, id, memberId, form.getVersion(), leftOn);
            flash.addFlashAttribute("flash", member.personName() + " marked as left the group");
            return "redirect:/groups/" + id + "?former=true";
        } catch (ConcurrentEditException e) {
            GroupMember current = findMember(id, memberId);
            Forms.conflict(model, FORM, LeaveForm.of(current, leftOn), e.getMessage(), response);
            return leaveView(model, group, current);
        }
    }

    private MemberDetails validateMember(
            MemberForm form, BindingResult errors, long partnership, long groupId, Long memberId) {
        MemberRole role = Forms.parse(MemberRole.class, form.getRole());
        if (!errors.hasFieldErrors("role") && role == null) {
            errors.rejectValue("role", "invalid", "Select the member's role in the group");
        }
        if (form.getAgencyId() != null
                && !errors.hasFieldErrors("agencyId")
                && agencies.inPartnership(partnership, form.getAgencyId()).isEmpty()) {
            errors.rejectValue("agencyId", "invalid", "Select an agency from the list");
        }
        LocalDate joinedOn = form.getJoinedOn().read(errors, "joinedOn", "Date joined", false);
        LocalDate leftOn = form.getLeftOn().read(errors, "leftOn", "Date left", false);
        if (joinedOn != null && joinedOn.isAfter(LocalDate.now(clock).plusYears(1))) {
            errors.rejectValue("joinedOn", "future", "Date joined must be within the next year");
        }
        if (leftOn != null) {
            checkLeftDate(errors, joinedOn, leftOn);
        }
        boolean current = leftOn == null && form.getLeftOn().blank();
        if (!errors.hasFieldErrors("personName")
                && current
                && members.currentMember(groupId, form.getPersonName(), memberId)) {
            errors.rejectValue(
                    "personName", "taken", form.getPersonName().trim() + " is already a member of this group");
        }
        if (errors.hasErrors()) {
            return null;
        }
        return new MemberDetails(form.getPersonName(), form.getJobTitle(), form.getAgencyId(), role, joinedOn, leftOn);
    }

    private void checkLeftDate(BindingResult errors, LocalDate joinedOn, LocalDate leftOn) {
        if (joinedOn != null && leftOn.isBefore(joinedOn)) {
            errors.rejectValue("leftOn", "beforeJoined", "Date left must be the same as or after the date joined");
        } else if (leftOn.isAfter(LocalDate.now(clock))) {
            errors.rejectValue("leftOn", "future", "Date left must be today or in the past");
        }
    }

    private GroupMember findMember(long groupId, long memberId) {
        return members.inGroup(FormPages.partnership(), groupId, memberId)
                .orElseThrow(() -> new NotFoundException("Member"));
    }

    private String memberFormView(Model model, Group group, GroupMember member) {
        long partnership = FormPages.partnership();
        model.addAttribute("group", group);
        model.addAttribute("member", member);
        model.addAttribute("title", (member == null ? "Add a member to " : "Change membership: ") + group.name());
        List<Option> agencyOptions = agencies.search(partnership, null, null, false, 1, 10_000).items().stream()
                .map(a -> Option.of(a.id(), a.name()))
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        if (member != null
                && member.agencyId() != null
                && agencyOptions.stream().noneMatch(o -> o.value().equals(String.valueOf(member.agencyId())))) {
            agencyOptions.add(Option.of(member.agencyId(), member.agencyName() + " (archived)"));
        }
        model.addAttribute("agencyOptions", agencyOptions);
        model.addAttribute("roleOptions", Forms.options(MemberRole.values(), MemberRole::label));
        return "organisation/member-form";
    }

    private String leaveView(Model model, Group group, GroupMember member) {
        model.addAttribute("group", group);
        model.addAttribute("member", member);
        model.addAttribute("title", "Mark " + member.personName() + " as left " + group.name());
        return "organisation/member-leave";
    }
}
