package org.safeguardinghub.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The form kit every module's pages share: how a refused form is shown again (the GOV.UK error summary with the
 * user's input kept, 422), how a form someone else saved first is shown (their values, 409), what a business rule's
 * {@link Refusal} does to a form, and the small helpers of list, add, edit and archive pages (filters, list links,
 * enum options, archive and restore).
 *
 * <p>A controller calls the service in {@code try} and catches only {@link Refusal} (never
 * {@link IllegalStateException}): {@link #refused} records it on the bound form and sets the status, and the
 * controller renders the same form again. A refusal that no form catches is answered by {@link RefusalAdvice}.
 */
public final class Forms {

    /** The status of a form shown again because its input was refused. */
    public static final int UNPROCESSABLE = 422;

    private Forms() {}

    /** The form had mistakes: it is shown again with the error summary, as 422. */
    public static void invalid(HttpServletResponse response) {
        response.setStatus(UNPROCESSABLE);
    }

    /**
     * A business rule refused the form: its message goes in the error summary (linked to the field it names, or for
     * the form as a whole), with the status its kind calls for (422 invalid, 409 conflict, 403 not allowed). The
     * caller shows the same form again, which still holds what the user typed.
     */
    public static void refused(Refusal refusal, BindingResult errors, HttpServletResponse response) {
        String field = refusal.field();
        if (field == null) {
            errors.reject("refused", refusal.getMessage());
        } else {
            errors.rejectValue(field, "refused", refusal.getMessage());
        }
        response.setStatus(status(refusal));
    }

    /** The status a refusal of this kind answers with. */
    public static int status(Refusal refusal) {
        return switch (refusal.kind()) {
            case INVALID -> UNPROCESSABLE;
            case CONFLICT -> HttpStatus.CONFLICT.value();
            case NOT_ALLOWED -> HttpStatus.FORBIDDEN.value();
        };
    }

    /**
     * Someone else saved first: the form {@code name} is shown again holding {@code currentValues} (with their
     * version, so saving again works once the user has checked them), with the conflict message in the error
     * summary, as 409.
     */
    public static void conflict(
            Model model, String name, Object currentValues, String message, HttpServletResponse response) {
        BindingResult errors = new BeanPropertyBindingResult(currentValues, name);
        errors.reject("conflict", message);
        model.addAttribute(name, currentValues);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, errors);
        response.setStatus(HttpStatus.CONFLICT.value());
    }

    /**
     * Someone else saved first and the form keeps what this user typed (the caller gives it the latest version, so
     * saving again works once they have checked): the message goes in the error summary, as 409.
     */
    public static void conflict(BindingResult errors, String message, HttpServletResponse response) {
        errors.reject("conflict", message);
        response.setStatus(HttpStatus.CONFLICT.value());
    }

    /**
     * Archives or restores a record and says so on the page {@code page}; a stale version puts the conflict message
     * there instead.
     */
    public static String archiveOrRestore(
            String what, String page, boolean archive, Runnable change, RedirectAttributes flash) {
        try {
            change.run();
            flash.addFlashAttribute("flash", what + (archive ? " archived" : " restored"));
        } catch (ConcurrentEditException e) {
            flash.addFlashAttribute("conflict", e.getMessage());
        }
        return "redirect:" + page;
    }

    /** A search box's text, or null when blank. */
    public static @Nullable String text(@Nullable String q) {
        return q == null || q.isBlank() ? null : q.trim();
    }

    /**
     * A query string of name, value pairs (null values left out), each pair ending in {@code &}, so a list's
     * pagination can add the page to it.
     */
    public static String query(@Nullable Object... params) {
        StringBuilder sb = new StringBuilder();
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

    /** The options of a select or radios for every value of an enum. */
    public static <E extends Enum<E>> List<Option> options(E[] values, Function<E, String> label) {
        return Arrays.stream(values)
                .map(v -> Option.of(v.name(), label.apply(v)))
                .toList();
    }

    /** An enum value named in a filter or form, or null when blank or not one of its names. */
    public static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value) {
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
