package org.safeguardinghub.identity.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SignInController {

    private final boolean oidcEnabled;
    private final String oidcName;

    SignInController(
            ObjectProvider<ClientRegistrationRepository> oidc, @Value("${hub.oidc.display-name}") String oidcName) {
        this.oidcEnabled = oidc.getIfAvailable() != null;
        this.oidcName = oidcName;
    }

    @GetMapping("/sign-in")
    String signIn(
            @RequestParam(required = false) String error,
            @RequestParam(required = false) String wait,
            @RequestParam(required = false) String slow,
            @RequestParam(required = false) String signedOut,
            @RequestParam(required = false) String noaccount,
            @RequestParam(required = false) String passwordSet,
            Model model) {
        model.addAttribute("passwordSet", passwordSet != null);
        model.addAttribute("error", error != null);
        model.addAttribute("tooMany", wait != null);
        model.addAttribute("slowed", slow != null);
        model.addAttribute("signedOut", signedOut != null);
        model.addAttribute("noAccount", noaccount != null);
        model.addAttribute("oidcEnabled", oidcEnabled);
        model.addAttribute("oidcName", oidcName);
        return "identity/sign-in";
    }
}
