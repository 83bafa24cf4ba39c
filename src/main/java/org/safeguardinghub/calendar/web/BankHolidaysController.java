package org.safeguardinghub.calendar.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.calendar.BankHolidayLists;
import org.safeguardinghub.calendar.WorkingDayCalendar;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.web.Forms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's bank holiday page: which list the clocks use, and loading GOV.UK's newer one. */
@Controller
class BankHolidaysController {

    static final String VIEW = "calendar/bank-holidays";

    private final BankHolidayLists lists;
    private final Clock clock;

    BankHolidaysController(BankHolidayLists lists, Clock clock) {
        this.lists = lists;
        this.clock = clock;
    }

    @GetMapping("/bank-holidays")
    String show(Model model) {
        return view(model, null);
    }

    @PostMapping("/bank-holidays")
    String upload(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash)
            throws IOException {
        if (file == null || file.isEmpty()) {
            Forms.invalid(response);
            return view(model, "Select GOV.UK's bank-holidays.json file");
        }
        if (file.getSize() > BankHolidayLists.MAX_FILE_BYTES) {
            Forms.invalid(response);
            return view(
                    model,
                    "The selected file must be smaller than " + (BankHolidayLists.MAX_FILE_BYTES / 1024) + " KB");
        }
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        BankHolidayLists.Outcome outcome = lists.load(Actors.require(), name, file.getBytes());
        if (outcome.refusal() != null) {
            Forms.invalid(response);
            return view(model, outcome.refusal());
        }
        BankHolidayLists.StoredList loaded = outcome.loaded();
        flash.addFlashAttribute(
                "flash",
                "Loaded the official bank holidays for " + loaded.firstYear() + " to " + loaded.lastYear() + " ("
                        + loaded.holidays() + " days). Clocks now use them.");
        return "redirect:/bank-holidays";
    }

    private String view(Model model, @Nullable String problem) {
        LocalDate today = LocalDate.now(clock);
        WorkingDayCalendar calendar = WorkingDayCalendar.england();
        LocalDate until = calendar.knownUntil();
        model.addAttribute("knownUntil", until);
        model.addAttribute("warning", lists.warning(today).orElse(null));
        model.addAttribute("history", lists.history());
        LocalDate from = LocalDate.of(today.getYear(), 1, 1);
        model.addAttribute(
                "upcoming",
                calendar
                        .bankHolidaysBetween(
                                from, LocalDate.of(Math.max(today.getYear() + 1, until.getYear() + 1), 12, 31))
                        .stream()
                        .filter(h -> !h.date().isBefore(today))
                        .toList());
        model.addAttribute("problem", problem);
        model.addAttribute("title", (problem == null ? "" : "Error: ") + "Bank holidays");
        return VIEW;
    }
}
