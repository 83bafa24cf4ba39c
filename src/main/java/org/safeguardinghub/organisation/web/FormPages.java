package org.safeguardinghub.organisation.web;

import org.jspecify.annotations.Nullable;
import org.safeguardinghub.organisation.OrganisationAccess;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.web.Forms;
import org.safeguardinghub.platform.web.RecordPages;
import org.springframework.security.access.AccessDeniedException;

/**
 * What only the organisation pages share: the form's model name, the manage permission, the partnership and list
 * links. The form handling itself is the platform's {@link Forms}.
 */
final class FormPages {

    static final String FORM = RecordPages.FORM;

    private FormPages() {}

    /** Pages that change data check the permission themselves when the route rules do not cover their URL. */
    static void requireManage() {
        if (!canManage()) {
            throw new AccessDeniedException("organisation:manage needed");
        }
    }

    static boolean canManage() {
        return Actors.require().can(OrganisationAccess.ORGANISATION_MANAGE);
    }

    static long partnership() {
        return Actors.require().partnershipId();
    }

    /**
     * A list URL with its current filters, ending in {@code ?} or {@code &} so the pagination can add the page.
     *
     * @param params name, value pairs; null values are left out
     */
    static String base(String path, @Nullable Object... params) {
        return path + '?' + Forms.query(params);
    }
}
