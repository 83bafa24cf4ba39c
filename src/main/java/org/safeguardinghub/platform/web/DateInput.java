package org.safeguardinghub.platform.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/**
 * A date typed into the GOV.UK date input as day, month and year, kept exactly as typed so a refused form shows it
 * again. Mutable because Spring binds {@code incidentDate.day} and the like into it. Every form with a date uses
 * this one class (with the {@code date} fragment in {@code fragments/forms.html}).
 */
public class DateInput {

    private String day = "";
    private String month = "";
    private String year = "";

    public DateInput() {}

    public static DateInput of(@Nullable LocalDate date) {
        DateInput d = new DateInput();
        if (date != null) {
            d.day = String.valueOf(date.getDayOfMonth());
            d.month = String.valueOf(date.getMonthValue());
            d.year = String.valueOf(date.getYear());
        }
        return d;
    }

    public boolean blank() {
        return day.isBlank() && month.isBlank() && year.isBlank();
    }

    /** The date if the parts make a real one, otherwise null; never records an error (for drafts). */
    @Nullable
    public LocalDate lenient() {
        try {
            if (!year.trim().matches("\\d{4}")) {
                return null;
            }
            return LocalDate.of(
                    Integer.parseInt(year.trim()), Integer.parseInt(month.trim()), Integer.parseInt(day.trim()));
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    /**
     * The date, or null when nothing was typed or the parts do not make a real date; in that case an error with
     * GOV.UK wording is recorded against {@code field}.
     */
    @Nullable
    public LocalDate read(Errors errors, String field, String label, boolean required) {
        if (blank()) {
            if (required) {
                errors.rejectValue(field, "required", "Enter the " + label.toLowerCase(Locale.ROOT));
            }
            return null;
        }
        StringBuilder missing = new StringBuilder();
        for (String[] part : new String[][] {{day, "day"}, {month, "month"}, {year, "year"}}) {
            if (part[0].isBlank()) {
                missing.append(missing.isEmpty() ? "" : " and ").append(part[1]);
            }
        }
        if (!missing.isEmpty()) {
            errors.rejectValue(field, "incomplete", label + " must include a " + missing);
            return null;
        }
        if (!year.trim().matches("\\d{4}")) {
            errors.rejectValue(field, "year", label + " year must include 4 numbers");
            return null;
        }
        LocalDate date = lenient();
        if (date == null) {
            errors.rejectValue(field, "real", label + " must be a real date");
        }
        return date;
    }

    public String getDay() {
        return day;
    }

    public void setDay(@Nullable String v) {
        day = cap(v);
    }

    public String getMonth() {
        return month;
    }

    public void setMonth(@Nullable String v) {
        month = cap(v);
    }

    public String getYear() {
        return year;
    }

    public void setYear(@Nullable String v) {
        year = cap(v);
    }

    private static String cap(@Nullable String v) {
        if (v == null) {
            return "";
        }
        return v.length() > 10 ? v.substring(0, 10) : v;
    }
}
