package org.safeguardinghub.platform.web;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.stereotype.Component;

/**
 * Whether the person reading a page may follow a link: asks the same security rules that will answer the request
 * (the modules' route rules), so a page shows a link only to those it will not refuse. Templates call it as
 * {@code ${@links.allows(href)}}; a page links to another module's pages through it rather than through that
 * module's permissions.
 */
@Component("links")
public class Links {

    private final ObjectProvider<WebInvocationPrivilegeEvaluator> evaluator;

    Links(ObjectProvider<WebInvocationPrivilegeEvaluator> evaluator) {
        this.evaluator = evaluator;
    }

    /** True when a GET of {@code href} (a path within the Hub, query string allowed) would be let through. */
    public boolean allows(@Nullable String href) {
        if (href == null || !href.startsWith("/")) {
            return false;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        WebInvocationPrivilegeEvaluator rules = evaluator.getIfAvailable();
        if (auth == null || rules == null) {
            return false;
        }
        int query = href.indexOf('?');
        return rules.isAllowed(query < 0 ? href : href.substring(0, query), auth);
    }
}
