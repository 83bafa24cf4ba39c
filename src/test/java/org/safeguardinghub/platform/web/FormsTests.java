package org.safeguardinghub.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The form kit and the refusal advice on a small form: a rule's refusal puts its message on the same form (linked to
 * its field when it names one) with what the user typed, as 422; a conflict nobody handled is 409 and a refusal to
 * this user 403, each with its message; any other IllegalStateException is not turned into a message at all.
 */
class FormsTests {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new NameController())
            .setControllerAdvice(new RefusalAdvice())
            .build();

    @Test
    void aRefusalNamingAFieldIsShownOnTheSameFormAgainstThatFieldWithTheInputKept() throws Exception {
        MvcResult result = send("Taken name");

        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        assertThat(result.getModelAndView().getViewName()).isEqualTo("names/form");
        BindingResult errors = errors(result);
        assertThat(errors.getFieldError("name").getDefaultMessage())
                .isEqualTo("There is already a name called Taken name");
        assertThat(errors.getGlobalErrors()).isEmpty();
        assertThat(((NameForm) result.getModelAndView().getModel().get("form")).getName())
                .isEqualTo("Taken name");
    }

    @Test
    void aRefusalOfTheWholeFormGoesInTheSummaryWithoutAField() throws Exception {
        MvcResult result = send("Closed");

        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        BindingResult errors = errors(result);
        assertThat(errors.getGlobalError().getDefaultMessage()).isEqualTo("The list is closed");
        assertThat(errors.getFieldErrors()).isEmpty();
        assertThat(((NameForm) result.getModelAndView().getModel().get("form")).getName())
                .isEqualTo("Closed");
    }

    @Test
    void aConflictOnAFormIsShownOnItAs409() throws Exception {
        MvcResult result = send("Moved on");

        assertThat(result.getResponse().getStatus()).isEqualTo(409);
        assertThat(errors(result).getGlobalError().getDefaultMessage()).isEqualTo("The list was closed meanwhile");
    }

    @Test
    void aConflictNoFormHandledIsA409PageWithItsMessage() throws Exception {
        MvcResult result = press("Moved on");

        assertThat(result.getResponse().getStatus()).isEqualTo(409);
        assertThat(result.getModelAndView().getViewName()).isEqualTo("error/refused");
        assertThat(result.getModelAndView().getModel().get("message")).isEqualTo("The list was closed meanwhile");
    }

    @Test
    void aRefusalToThisUserIsA403PageWithItsMessage() throws Exception {
        MvcResult result = press("Not mine");

        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        assertThat(result.getModelAndView().getModel().get("message")).isEqualTo("Only the list's owner may add");
    }

    @Test
    void anUnexpectedIllegalStateExceptionReachesThe500PageNotTheForm() {
        Throwable escaped = catchThrowable(() -> send("Bug"));
        assertThat(escaped)
                .isInstanceOf(ServletException.class)
                .cause()
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("library detail");

        // the container's error dispatch then shows the 500 page, without the exception's message
        MockHttpServletRequest dispatch = new MockHttpServletRequest("GET", "/error");
        dispatch.setAttribute(RequestDispatcher.ERROR_EXCEPTION, escaped.getCause());
        dispatch.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        MockHttpServletResponse response = new MockHttpServletResponse();
        ExtendedModelMap model = new ExtendedModelMap();
        assertThat(new HubErrorController().error(dispatch, response, model)).isEqualTo("error/500");
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(model.values()).doesNotContain("library detail");
    }

    @Test
    void aSavedFormRedirects() throws Exception {
        assertThat(send("Fine").getResponse().getRedirectedUrl()).isEqualTo("/names");
    }

    private MvcResult send(String name) throws Exception {
        return mvc.perform(post("/names").param("name", name)).andReturn();
    }

    /** A button with no form behind it: whatever refusal comes back is left to the advice. */
    private MvcResult press(String name) throws Exception {
        return mvc.perform(post("/names/press").param("name", name)).andReturn();
    }

    private static BindingResult errors(MvcResult result) {
        return (BindingResult) result.getModelAndView().getModel().get(BindingResult.MODEL_KEY_PREFIX + "form");
    }

    public static class NameForm {
        private String name = "";

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    @Controller
    static class NameController {

        @PostMapping("/names")
        String add(@ModelAttribute("form") NameForm form, BindingResult errors, HttpServletResponse response) {
            try {
                save(form.getName());
            } catch (Refusal e) {
                Forms.refused(e, errors, response);
                return "names/form";
            }
            return "redirect:/names";
        }

        @PostMapping("/names/press")
        String press(@RequestParam String name) {
            save(name);
            return "redirect:/names";
        }

        /** Stands for a service: its rules refuse some names, and one name meets a fault. */
        private static void save(String name) {
            switch (name) {
                case "Taken name" -> throw Refusal.invalid("name", "There is already a name called " + name);
                case "Closed" -> throw Refusal.invalid("The list is closed");
                case "Moved on" -> throw Refusal.conflict("The list was closed meanwhile");
                case "Not mine" -> throw Refusal.notAllowed("Only the list's owner may add");
                case "Bug" -> throw new IllegalStateException("library detail");
                default -> {}
            }
        }
    }
}
