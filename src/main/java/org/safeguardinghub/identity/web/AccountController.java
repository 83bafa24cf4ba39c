package org.safeguardinghub.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.safeguardinghub.identity.HubUser;
import org.safeguardinghub.identity.PasswordPolicy;
import org.safeguardinghub.identity.signin.Principals;
import org.safeguardinghub.identity.users.UserAdministration;
import org.safeguardinghub.platform.web.Forms;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in person's own account: details, partnership switch, password change; and one-time links. */
@Controller
class AccountController {

    private final UserAdministration administration;
    private final Principals principals;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    AccountController(UserAdministration administration, Principals principals) {
        this.administration = administration;
        this.principals = principals;
    }

    @GetMapping("/account")
    String account(Model model) {
        HubUser user = current();
        model.addAttribute("user", user);
        model.addAttribute(
                "partnerships",
                principals.partnershipsOf(user.userId()).stream()
                        .map(r -> new org.safeguardinghub.platform.web.Option(
                                String.valueOf(r.partnershipId()), r.partnershipName()))
                        .distinct()
                        .toList());
        return "identity/account";
    }

    /** Work in another partnership the person belongs to (e.g. a joint Kent and Medway group member). */
    @PostMapping("/account/partnership")
    String switchPartnership(
            @RequestParam long partnershipId,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes flash) {
        HubUser user = principals
                .forEmail(current().email(), partnershipId)
                .orElseThrow()
                .withoutPassword();
        replacePrincipal(user, request, response);
        flash.addFlashAttribute("flash", "You are now working in " + user.partnershipName());
        return "redirect:/";
    }

    @GetMapping("/account/password")
    String passwordForm(Model model) {
        model.addAttribute("mustChange", current().mustChangePassword());
        return "identity/password";
    }

    @PostMapping("/account/password")
    String changePassword(
            @RequestParam String currentPassword,
            @RequestParam String newPassword,
            @RequestParam String confirmPassword,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes flash) {
        HubUser user = current();
        var problems = new java.util.LinkedHashMap<String, String>();
        PasswordPolicy.problemWith(newPassword, user.email()).ifPresent(p -> problems.put("newPassword", p));
        if (!newPassword.equals(confirmPassword)) {
            problems.put("confirmPassword", "The passwords do not match");
        }
        if (problems.isEmpty() && !administration.changePassword(user.email(), currentPassword, newPassword)) {
            problems.put("currentPassword", "Your current password is not correct");
        }
        if (!problems.isEmpty()) {
            model.addAttribute("problems", problems);
            model.addAttribute("mustChange", user.mustChangePassword());
            Forms.invalid(response);
            return "identity/password";
        }
        replacePrincipal(user.passwordChanged(), request, response);
        flash.addFlashAttribute("flash", "Your password has been changed");
        return "redirect:/";
    }

    @GetMapping("/invitation/{token}")
    String invitation(@PathVariable String token, Model model) {
        var email = administration.invitedEmail(token);
        model.addAttribute("valid", email.isPresent());
        model.addAttribute("email", email.orElse(""));
        model.addAttribute("token", token);
        return "identity/invitation";
    }

    @PostMapping("/invitation/{token}")
    String acceptInvitation(
            @PathVariable String token,
            @RequestParam String newPassword,
            @RequestParam String confirmPassword,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        var email = administration.invitedEmail(token);
        if (email.isEmpty()) {
            model.addAttribute("valid", false);
            return "identity/invitation";
        }
        var problems = new java.util.LinkedHashMap<String, String>();
        PasswordPolicy.problemWith(newPassword, email.get()).ifPresent(p -> problems.put("newPassword", p));
        if (!newPassword.equals(confirmPassword)) {
            problems.put("confirmPassword", "The passwords do not match");
        }
        if (problems.isEmpty()) {
            if (administration.acceptInvitation(token, newPassword)) {
                return "redirect:/sign-in?passwordSet";
            }
            model.addAttribute("valid", false);
            return "identity/invitation";
        }
        model.addAttribute("valid", true);
        model.addAttribute("email", email.get());
        model.addAttribute("token", token);
        model.addAttribute("problems", problems);
        Forms.invalid(response);
        return "identity/invitation";
    }

    private static HubUser current() {
        return (HubUser) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
    }

    private void replacePrincipal(HubUser user, HttpServletRequest request, HttpServletResponse response) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
