package org.safeguardinghub.calendar.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.calendar.BankHolidayLists;
import org.safeguardinghub.calendar.CalendarAccess;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the bank holiday warning ({@link BankHolidayLists#warning}) on the home page of those who can act on it (the
 * administrators), from twelve months before the official list runs out. Other pages and people get nothing.
 */
@ControllerAdvice
class HomeWarning {

    private final BankHolidayLists lists;
    private final Clock clock;

    HomeWarning(BankHolidayLists lists, Clock clock) {
        this.lists = lists;
        this.clock = clock;
    }

    @ModelAttribute("bankHolidayWarning")
    @Nullable
    String warning(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || !"/".equals(request.getRequestURI())) {
            return null;
        }
        Actor actor = Actors.current().orElse(null);
        if (actor == null || !actor.can(CalendarAccess.CALENDAR_MANAGE)) {
            return null;
        }
        return lists.warning(LocalDate.now(clock)).orElse(null);
    }
}
