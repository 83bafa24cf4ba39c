package org.safeguardinghub.organisation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.organisation.OrganisationAccess;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.Option;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the organisation pages share: status codes for refused forms, the conflict form, list links. */
final class FormPages {

    static final String FORM = "form";

    private FormPages() {}

    /** The form had mistakes: it is shown again with the error summary, as 422. */
    static void invalid(HttpServletResponse response) {
        response.setStatus(422);
    }

    /**
     * Someone else saved first: the form is shown again holding their values (and their version, so saving again
     * works once the user has checked them), with the conflict message in the error summary, as 409.
     */
    static void conflict(Model model, Object currentValues, String message, HttpServletResponse response) {
        BindingResult errors = new BeanPropertyBindingResult(currentValues, FORM);
        errors.reject("conflict", message);
        model.addAttribute(FORM, currentValues);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + FORM, errors);
        response.setStatus(HttpStatus.CONFLICT.value());
    }

    /** Pages that change data check the permission themselves when the route rules do not cover their URL. */
    /**
     * Archives or restores a record and says so on its page; a stale version puts the conflict message there
     * instead. Shared by every organisation record type.
     */
    static String archiveOrRestore(
            String what, String page, boolean archive, Runnable change, RedirectAttributes flash) {
        try {
            change.run();
            flash.addFlashAttribute("flash", what + (archive ? " archived" : " restored"));
        } catch (ConcurrentEditException e) {
            flash.addFlashAttribute("conflict", e.getMessage());
        }
        return "redirect:" + page;
    }

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

    static @Nullable String text(@Nullable String q) {
        return q == null || q.isBlank() ? null : q.trim();
    }

    /**
     * A list URL with its current filters, ending in {@code ?} or {@code &} so the pagination can add the page.
     *
     * @param params name, value pairs; null values are left out
     */
    static String base(String path, @Nullable Object... params) {
        StringBuilder sb = new StringBuilder(path).append('?');
        for (int i = 0; i + 1 < params.length; i += 2) {
            if (params[i + 1] != null) {
                sb.append(params[i])
                        .append('=')
                        .append(URLEncoder.encode(String.valueOf(params[i + 1]), StandardCharsets.UTF_8))
                        .append('&');
            }
        }
        return sb.toString();
    }

    static <E extends Enum<E>> List<Option> options(E[] values, java.util.function.Function<E, String> label) {
        return Arrays.stream(values)
                .map(v -> Option.of(v.name(), label.apply(v)))
                .toList();
    }

    static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
