package org.safeguardinghub.section11.moderation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.DateInput;
import org.safeguardinghub.platform.web.Forms;
import org.safeguardinghub.platform.web.Option;
import org.safeguardinghub.section11.moderation.Moderation;
import org.safeguardinghub.section11.moderation.Moderation.MeetingDetails;
import org.safeguardinghub.section11.moderation.ModerationRows.CycleReturn;
import org.safeguardinghub.section11.moderation.ModerationRows.Meeting;
import org.safeguardinghub.section11.moderation.web.ModerationForms.MeetingForm;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The business team's record of the cycle's panel meetings: date, attendees, notes and the returns discussed. */
@Controller
class MeetingController {

    private static final String FORM = "meetingForm";

    private final Moderation moderation;

    MeetingController(Moderation moderation) {
        this.moderation = moderation;
    }

    @GetMapping("/section11/cycles/{id}/meetings")
    String list(@PathVariable long id, Model model) {
        model.addAttribute(FORM, new MeetingForm());
        return listView(id, model);
    }

    @PostMapping("/section11/cycles/{id}/meetings")
    String add(
            @PathVariable long id,
            @ModelAttribute(FORM) MeetingForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        MeetingDetails details = read(id, form, errors);
        if (details == null) {
            Forms.invalid(response);
            return listView(id, model);
        }
        long meetingId = moderation.addMeeting(id, details);
        flash.addFlashAttribute("flash", "Panel meeting on " + Dates.format(details.heldOn()) + " added");
        return "redirect:/section11/cycles/" + id + "/meetings/" + meetingId;
    }

    @GetMapping("/section11/cycles/{id}/meetings/{meetingId}")
    String show(@PathVariable long id, @PathVariable long meetingId, Model model) {
        Meeting meeting = moderation.meeting(id, meetingId);
        model.addAttribute(FORM, formOf(meeting));
        return meetingView(id, meeting, model);
    }

    @PostMapping("/section11/cycles/{id}/meetings/{meetingId}/edit")
    String edit(
            @PathVariable long id,
            @PathVariable long meetingId,
            @ModelAttribute(FORM) MeetingForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Meeting meeting = moderation.meeting(id, meetingId);
        MeetingDetails details = read(id, form, errors);
        if (details == null) {
            Forms.invalid(response);
            return meetingView(id, meeting, model);
        }
        try {
            moderation.changeMeeting(id, meetingId, form.getVersion(), details);
        } catch (ConcurrentEditException e) {
            // the other person's saved meeting is shown in the form, with their version, and the conflict message
            Meeting current = moderation.meeting(id, meetingId);
            MeetingForm theirs = formOf(current);
            Forms.conflict(model, FORM, theirs, e.getMessage(), response);
            return meetingView(id, current, model);
        }
        flash.addFlashAttribute("flash", "Panel meeting updated");
        return "redirect:/section11/cycles/" + id + "/meetings/" + meetingId;
    }

    private @Nullable MeetingDetails read(long cycleId, MeetingForm form, BindingResult errors) {
        LocalDate heldOn = form.getHeldOn().read(errors, "heldOn", "Date of the meeting", true);
        if (form.getAttendees().isBlank()) {
            errors.rejectValue("attendees", "required", "Enter who attended");
        } else if (form.getAttendees().length() > 4000) {
            errors.rejectValue("attendees", "size", "Attendees must be 4,000 characters or fewer");
        }
        if (form.getNotes().length() > ModerationForms.MAX_TEXT) {
            errors.rejectValue("notes", "size", "Notes must be 10,000 characters or fewer");
        }
        Set<String> known = moderation.cycleReturns(cycleId).stream()
                .map(r -> String.valueOf(r.id()))
                .collect(Collectors.toSet());
        List<Long> returnIds = new ArrayList<>();
        for (String r : form.getReturnIds()) {
            if (known.contains(r)) {
                returnIds.add(Long.parseLong(r));
            } else {
                errors.rejectValue("returnIds", "invalid", "Choose the returns discussed from the list");
            }
        }
        if (errors.hasErrors() || heldOn == null) {
            return null;
        }
        return new MeetingDetails(heldOn, form.getAttendees(), form.getNotes(), returnIds);
    }

    private static MeetingForm formOf(Meeting m) {
        MeetingForm f = new MeetingForm();
        f.setHeldOn(DateInput.of(m.heldOn()));
        f.setAttendees(m.attendees());
        f.setNotes(m.notes());
        f.setReturnIds(m.returnIds().stream().map(String::valueOf).toList());
        f.setVersion(m.version());
        return f;
    }

    private String listView(long cycleId, Model model) {
        model.addAttribute("cycleId", cycleId);
        model.addAttribute("cycleName", moderation.managedCycle(cycleId));
        model.addAttribute("meetings", moderation.meetings(cycleId));
        model.addAttribute("returnOptions", returnOptions(cycleId));
        return "section11/moderation/meetings";
    }

    private String meetingView(long cycleId, Meeting meeting, Model model) {
        model.addAttribute("cycleId", cycleId);
        model.addAttribute("cycleName", moderation.managedCycle(cycleId));
        model.addAttribute("meeting", meeting);
        model.addAttribute("returnOptions", returnOptions(cycleId));
        return "section11/moderation/meeting";
    }

    private List<Option> returnOptions(long cycleId) {
        List<Option> options = new ArrayList<>();
        for (CycleReturn r : moderation.cycleReturns(cycleId)) {
            options.add(
                    Option.of(r.id(), r.agencyName() + " (" + r.status().label().toLowerCase() + ")"));
        }
        return options;
    }

    /** Dates as people read them. */
    static final class Dates {
        private Dates() {}

        static String format(LocalDate d) {
            return d.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK));
        }
    }
}
