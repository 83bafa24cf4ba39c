package org.safeguardinghub.casereviews.contributions.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import org.safeguardinghub.casereviews.contributions.AnswerForm;
import org.safeguardinghub.casereviews.contributions.Contribution;
import org.safeguardinghub.casereviews.contributions.Contributions;
import org.safeguardinghub.documents.DocumentRejected;
import org.safeguardinghub.documents.Documents;
import org.safeguardinghub.documents.Upload;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.Forms;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.platform.web.PageResult;
import org.safeguardinghub.platform.web.Refusal;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Agency requests for the agency lead: the list addressed to their agency, one request, and the answer form. */
@Controller
class ContributionsController {

    private static final String FORM = "form";

    private final Contributions contributions;
    private final Documents documents;

    ContributionsController(Contributions contributions, Documents documents) {
        this.contributions = contributions;
        this.documents = documents;
    }

    @GetMapping("/contributions")
    String list(@RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("contributions", contributions.list(Actors.require(), page, PageResult.DEFAULT_SIZE));
        model.addAttribute("base", "/contributions?");
        return "casereviews/contributions/list";
    }

    @GetMapping("/contributions/{id}")
    String show(@PathVariable long id, Model model) {
        Contribution c = contributions.show(Actors.require(), id);
        AnswerForm form = new AnswerForm();
        form.setVersion(c.version());
        model.addAttribute(FORM, form);
        return view(model, c);
    }

    @PostMapping("/contributions/{id}")
    String answer(
            @PathVariable long id,
            @Valid @ModelAttribute(FORM) AnswerForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Actor actor = Actors.require();
        Contribution c = contributions.find(actor, id);
        List<Upload> uploads = new ArrayList<>();
        check(form.getDocument1(), "document1", uploads, errors);
        check(form.getDocument2(), "document2", uploads, errors);
        check(form.getDocument3(), "document3", uploads, errors);
        if (errors.hasErrors()) {
            Forms.invalid(response);
            return view(model, c);
        }
        try {
            contributions.answer(actor, id, form.getVersion(), form.getResponse(), uploads);
        } catch (Refusal | ConcurrentEditException e) {
            errors.reject("rule", e.getMessage());
            response.setStatus(e instanceof Refusal refusal ? Forms.status(refusal) : 409);
            return view(model, contributions.find(actor, id));
        }
        flash.addFlashAttribute("flash", "Your answer has been sent");
        return "redirect:/contributions/" + id;
    }

    @GetMapping("/contributions/{id}/documents/{documentId}")
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable long documentId) {
        return contributions
                .document(Actors.require(), id, documentId)
                .map(Documents::download)
                .orElseThrow(() -> new NotFoundException("Document"));
    }

    private void check(MultipartFile file, String field, List<Upload> uploads, BindingResult errors) {
        Upload upload = Upload.of(file);
        if (upload == null) {
            return;
        }
        try {
            documents.check(upload);
            uploads.add(upload);
        } catch (DocumentRejected e) {
            errors.rejectValue(field, "rejected", e.getMessage());
        }
    }

    private String view(Model model, Contribution c) {
        model.addAttribute("contribution", c);
        model.addAttribute("maxSize", documents.maxSizeLabel());
        model.addAttribute("title", c.kind() + " for " + c.subject());
        return "casereviews/contributions/request";
    }
}
