package org.safeguardinghub.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A business rule's refusal that no form put on its page (a button with no form behind it, a link followed after
 * the record moved on) ends on a page that gives its message, with the status of its kind: 422 invalid, 409
 * conflict, 403 not allowed. Any other exception, an {@link IllegalStateException} included, is a fault and reaches
 * the 500 page.
 */
@ControllerAdvice
class RefusalAdvice {

    @ExceptionHandler(Refusal.class)
    String refused(Refusal refusal, Model model, HttpServletResponse response) {
        response.setStatus(Forms.status(refusal));
        model.addAttribute("message", refusal.getMessage());
        return "error/refused";
    }
}
