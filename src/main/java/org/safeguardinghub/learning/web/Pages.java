package org.safeguardinghub.learning.web;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.learning.tracker.Scope;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.security.Permission;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

/** What the learning pages share: the reader's scope, refused-form status codes, the conflict form, list links. */
final class Pages {

    private Pages() {}

    static Actor actor() {
        return Actors.require();
    }

    static Scope scope() {
        return Scope.of(Actors.require());
    }

    static boolean can(Permission permission) {
        return Actors.require().can(permission);
    }

    /** The form had mistakes: it is shown again with the error summary, as 422. */
    static void invalid(HttpServletResponse response) {
        response.setStatus(422);
    }

    /**
     * Someone else saved first: the form is shown again holding {@code currentValues} (with their version), with the
     * conflict message in the error summary, as 409.
     */
    static void conflict(Model model, String name, Object currentValues, String message, HttpServletResponse response) {
        BindingResult errors = new BeanPropertyBindingResult(currentValues, name);
        errors.reject("conflict", message);
        model.addAttribute(name, currentValues);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, errors);
        response.setStatus(HttpStatus.CONFLICT.value());
    }

    /** A rule of the lifecycle refused the change: its message goes in the form's error summary, as 422. */
    static void refused(
            Model model, String name, Object form, BindingResult errors, String message, HttpServletResponse response) {
        errors.reject("refused", message);
        model.addAttribute(name, form);
        response.setStatus(422);
    }

    static @Nullable String text(@Nullable String q) {
        return q == null || q.isBlank() ? null : q.trim();
    }

    /** Query string of name, value pairs (null values left out), ending in {@code &} when not empty. */
    static String query(@Nullable Object... params) {
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
}
