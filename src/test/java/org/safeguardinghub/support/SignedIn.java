package org.safeguardinghub.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.safeguardinghub.identity.signin.Principals;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Runs a MockMvc request as a real demo account, with the exact principal a sign-in would produce. */
public final class SignedIn {

    private SignedIn() {}

    public static RequestPostProcessor as(Principals principals, String email) {
        return user(principals.loadUserByUsername(email));
    }
}
