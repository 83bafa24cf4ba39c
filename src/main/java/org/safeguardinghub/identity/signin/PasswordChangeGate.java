package org.safeguardinghub.identity.signin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.safeguardinghub.identity.HubUser;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Someone signed in with a one-time password (the first administrator) must set their own before anything else. */
class PasswordChangeGate extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (auth != null
                && auth.getPrincipal() instanceof HubUser user
                && user.mustChangePassword()
                && !path.equals("/account/password")
                && !path.equals("/sign-out")
                && !path.startsWith("/assets/")
                && !path.startsWith("/webjars/")
                && !path.equals("/error")) {
            response.sendRedirect("/account/password");
            return;
        }
        chain.doFilter(request, response);
    }
}
