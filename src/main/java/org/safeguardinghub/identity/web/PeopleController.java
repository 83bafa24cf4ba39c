package org.safeguardinghub.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.EnumSet;
import org.safeguardinghub.identity.IdentityAccess;
import org.safeguardinghub.identity.Role;
import org.safeguardinghub.identity.signin.SignInGuard;
import org.safeguardinghub.identity.users.UserAccount;
import org.safeguardinghub.identity.users.UserAdministration;
import org.safeguardinghub.identity.users.UserRecords;
import org.safeguardinghub.organisation.Organisation;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.platform.web.Option;
import org.safeguardinghub.platform.web.PageResult;
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
 * People and their access. Administrators see everyone in the partnership; an agency lead sees only their own
 * agency's people (the scope is applied in the SQL, so another agency's person is simply not found).
 */
@Controller
class PeopleController {

    private final UserRecords users;
    private final UserAdministration administration;
    private final Organisation organisation;

    private final SignInGuard signInGuard;

    PeopleController(
            UserRecords users, UserAdministration administration, Organisation organisation, SignInGuard signInGuard) {
        this.users = users;
        this.signInGuard = signInGuard;
        this.administration = administration;
        this.organisation = organisation;
    }

    @GetMapping("/people")
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page, Model model) {
        Actor actor = Actors.require();
        String text = q == null || q.isBlank() ? null : q.trim();
        PageResult<UserAccount> people = users.search(actor, text, null, page, PageResult.DEFAULT_SIZE);
        model.addAttribute("people", people);
        model.addAttribute("q", text == null ? "" : text);
        model.addAttribute("canManage", actor.can(IdentityAccess.USERS_MANAGE));
        model.addAttribute(
                "base",
                "/people?"
                        + (text == null
                                ? ""
                                : "q=" + java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8)
                                        + "&"));
        return "identity/people";
    }

    @GetMapping("/people/{id}")
    String show(@PathVariable long id, Model model) {
        Actor actor = Actors.require();
        UserAccount person = users.byId(actor, id).orElseThrow(() -> new NotFoundException("Person"));
        model.addAttribute("person", person);
        model.addAttribute("canManage", actor.can(IdentityAccess.USERS_MANAGE));
        return "identity/person";
    }

    @GetMapping("/people/invite")
    String inviteForm(Model model) {
        model.addAttribute("form", new InviteForm());
        return inviteView(model);
    }

    @PostMapping("/people/invite")
    String invite(
            @Valid @ModelAttribute("form") InviteForm form,
            BindingResult errors,
            Model model,
            HttpServletRequest request) {
        if (!errors.hasFieldErrors("email") && users.emailTaken(form.getEmail())) {
            errors.rejectValue("email", "taken", "There is already an account with this email address");
        }
        var roles = EnumSet.noneOf(Role.class);
        for (String r : form.getRoles()) {
            try {
                roles.add(Role.valueOf(r));
            } catch (IllegalArgumentException e) {
                errors.rejectValue("roles", "invalid", "Select roles from the list");
            }
        }
        if (form.getAgencyId() != null
                && organisation.agenciesOf(Actors.require().partnershipId()).stream()
                        .noneMatch(a -> a.id() == form.getAgencyId())) {
            // only current (not archived) agencies of the partnership the administrator is working in
            errors.rejectValue("agencyId", "invalid", "Select the person's agency");
        }
        if (errors.hasErrors()) {
            return inviteView(model);
        }
        var invitation = administration.invite(
                form.getEmail().trim(),
                form.getDisplayName().trim(),
                blankToNull(form.getJobTitle()),
                form.getAgencyId(),
                roles);
        model.addAttribute(
                "person", users.byId(Actors.require(), invitation.userId()).orElseThrow());
        model.addAttribute("link", baseUrl(request) + "/invitation/" + invitation.token());
        model.addAttribute("heading", "Invitation created");
        return "identity/invitation-link";
    }

    @PostMapping("/people/{id}/deactivate")
    String deactivate(@PathVariable long id, @RequestParam int version, RedirectAttributes flash) {
        return change(
                id,
                () -> administration.deactivate(id, version),
                "Account deactivated. The person has been signed out.",
                flash);
    }

    @PostMapping("/people/{id}/reactivate")
    String reactivate(@PathVariable long id, @RequestParam int version, RedirectAttributes flash) {
        return change(id, () -> administration.reactivate(id, version), "Account reactivated", flash);
    }

    /** Changes an account's status and says so on the person's page; a stale version shows the conflict there. */
    private static String change(long id, Runnable change, String done, RedirectAttributes flash) {
        try {
            change.run();
            flash.addFlashAttribute("flash", done);
        } catch (ConcurrentEditException e) {
            flash.addFlashAttribute("conflict", e.getMessage());
        }
        return "redirect:/people/" + id;
    }

    @PostMapping("/people/{id}/reset")
    String reset(
            @PathVariable long id,
            @RequestParam int version,
            Model model,
            HttpServletRequest request,
            RedirectAttributes flash) {
        try {
            var invitation = administration.resetAccess(id, version);
            var person = users.byId(Actors.require(), id).orElseThrow();
            signInGuard.forget(person.email()); // the one-time link also unlocks sign-in for the person
            model.addAttribute("person", person);
            model.addAttribute("link", baseUrl(request) + "/invitation/" + invitation.token());
            model.addAttribute("heading", "Access reset");
            return "identity/invitation-link";
        } catch (ConcurrentEditException e) {
            flash.addFlashAttribute("conflict", e.getMessage());
            return "redirect:/people/" + id;
        }
    }

    private String inviteView(Model model) {
        Actor actor = Actors.require();
        model.addAttribute(
                "agencies",
                organisation.agenciesOf(actor.partnershipId()).stream()
                        .map(a -> Option.of(a.id(), a.name()))
                        .toList());
        model.addAttribute(
                "roleOptions",
                Arrays.stream(Role.values())
                        .map(r -> Option.of(r.name(), r.label()))
                        .toList());
        return "identity/invite";
    }

    static String baseUrl(HttpServletRequest request) {
        String port =
                (request.getServerPort() == 80 || request.getServerPort() == 443) ? "" : ":" + request.getServerPort();
        return request.getScheme() + "://" + request.getServerName() + port;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
