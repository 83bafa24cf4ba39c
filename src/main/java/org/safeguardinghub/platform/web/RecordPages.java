package org.safeguardinghub.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The list, add, change, archive and restore pages of one kind of record, as every reference-data page has them:
 * the list keeps its search and filters in its links; a refused form comes back as 422 with the error summary and
 * what was typed; a duplicate name that slipped past the form's checks is reported on its field; someone else's
 * save is shown as their values with 409; archive and restore say so on the record's page. The controller keeps
 * its routes and checks and hands the flow to this.
 *
 * @param what the record's name in messages, such as {@code "Area"} ("Area added", "Area archived")
 * @param path the list's path; a record's page is {@code path/id}
 * @param find the record in the reader's scope, or {@link NotFoundException}
 * @param formOf the form holding a record's current values and version
 * @param view puts what the form page needs in the model (the record is null when adding) and names its template
 * @param taken records the duplicate-name error on the form
 * @param <R> the record
 * @param <F> its form, bound as {@link #FORM}
 */
public record RecordPages<R, F>(
        String what,
        String path,
        LongFunction<R> find,
        Function<R, F> formOf,
        FormView<R, F> view,
        BiConsumer<F, BindingResult> taken) {

    /** The model name of the form on every record form page. */
    public static final String FORM = "form";

    /** Reports a duplicate on {@code field} with the message made from the form. */
    public static <F> BiConsumer<F, BindingResult> taken(String field, Function<F, String> message) {
        return (form, errors) -> errors.rejectValue(field, "taken", message.apply(form));
    }

    /** Fills the model for the form page of a record (null when adding) and names its template. */
    @FunctionalInterface
    public interface FormView<R, F> {
        String show(Model model, @Nullable R record, F form);
    }

    /**
     * Puts the list's search text and archived switch in the model, with the list link ({@code base}) that keeps
     * them and the other filters for the pagination.
     *
     * @param filters name, value pairs of the list's other filters, in link order; null values are left out
     */
    public void listFilters(Model model, @Nullable String text, boolean archived, @Nullable Object... filters) {
        List<@Nullable Object> params = new ArrayList<>(List.of("q"));
        params.add(text);
        params.addAll(java.util.Arrays.asList(filters));
        params.add("archived");
        params.add(archived ? "true" : null);
        model.addAttribute("q", text == null ? "" : text);
        model.addAttribute("archived", archived);
        model.addAttribute("base", path + '?' + Forms.query(params.toArray()));
    }

    /** The empty form for adding a record. */
    public String newForm(Model model, F form) {
        model.addAttribute(FORM, form);
        return view.show(model, null, form);
    }

    /** The form for changing a record, holding its current values. */
    public String editForm(long id, Model model) {
        R record = find.apply(id);
        F form = formOf.apply(record);
        model.addAttribute(FORM, form);
        return view.show(model, record, form);
    }

    /**
     * Adds a record once the form's checks have passed ({@code errors} holds what they found) and goes to its page.
     *
     * @param create saves the record and returns its id
     */
    public String create(F form, BindingResult errors, FormReply reply, LongSupplier create) {
        if (errors.hasErrors()) {
            return invalid(reply, null, form);
        }
        try {
            long id = create.getAsLong();
            reply.flash().addFlashAttribute("flash", what + " added");
            return "redirect:" + path + "/" + id;
        } catch (DuplicateKeyException e) {
            taken.accept(form, errors);
            return invalid(reply, null, form);
        }
    }

    /**
     * Changes the record once the form's checks have passed and goes back to its page; a stale version shows the
     * other person's values instead.
     */
    public String update(long id, F form, BindingResult errors, FormReply reply, Runnable update) {
        R record = find.apply(id);
        if (errors.hasErrors()) {
            return invalid(reply, record, form);
        }
        try {
            update.run();
            reply.flash().addFlashAttribute("flash", what + " updated");
            return "redirect:" + path + "/" + id;
        } catch (ConcurrentEditException e) {
            R current = find.apply(id);
            F theirs = formOf.apply(current);
            Forms.conflict(reply.model(), FORM, theirs, e.getMessage(), reply.response());
            return view.show(reply.model(), current, theirs);
        } catch (DuplicateKeyException e) {
            taken.accept(form, errors);
            return invalid(reply, record, form);
        }
    }

    /** Changes whether a record is archived. */
    @FunctionalInterface
    public interface Archiving {
        void set(boolean archived);
    }

    /**
     * Archives or restores the record (it must be in scope) and says so on its page.
     *
     * @param to {@code "archive"} or {@code "restore"}, from the URL
     */
    public String archive(long id, String to, RedirectAttributes flash, Archiving change) {
        find.apply(id);
        boolean archive = to.equals("archive");
        return Forms.archiveOrRestore(what, path + "/" + id, archive, () -> change.set(archive), flash);
    }

    private String invalid(FormReply reply, @Nullable R record, F form) {
        Forms.invalid(reply.response());
        return view.show(reply.model(), record, form);
    }
}
