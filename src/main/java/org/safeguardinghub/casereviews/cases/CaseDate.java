package org.safeguardinghub.casereviews.cases;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/**
 * A date typed into the GOV.UK date input as day, month and year. Mutable because Spring binds request parameters
 * such as {@code joinedOn.day} into it.
 */
public class CaseDate {

    private String day = "";
    private String month = "";
    private String year = "";

    public CaseDate() {}

    static CaseDate of(@Nullable LocalDate date) {
        CaseDate p = new CaseDate();
        if (date != null) {
            p.day = String.valueOf(date.getDayOfMonth());
            p.month = String.valueOf(date.getMonthValue());
            p.year = String.valueOf(date.getYear());
        }
        return p;
    }

    boolean blank() {
        return isBlank(day) && isBlank(month) && isBlank(year);
    }

    /**
     * The date, or null when nothing was typed. When the parts do not make a real date an error is recorded against
     * {@code field} with GOV.UK wording (for example "Date joined must include a month") and null is returned.
     */
    @Nullable
    LocalDate read(Errors errors, String field, String label, boolean required) {
        if (blank()) {
            if (required) {
                errors.rejectValue(field, "required", "Enter the " + label.toLowerCase(java.util.Locale.ROOT));
            }
            return null;
        }
        StringBuilder missing = new StringBuilder();
        for (var part : new String[][] {{day, "day"}, {month, "month"}, {year, "year"}}) {
            if (isBlank(part[0])) {
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
        try {
            return LocalDate.of(
                    Integer.parseInt(year.trim()), Integer.parseInt(month.trim()), Integer.parseInt(day.trim()));
        } catch (NumberFormatException | DateTimeException e) {
            errors.rejectValue(field, "real", label + " must be a real date");
            return null;
        }
    }

    private static boolean isBlank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    public String getDay() {
        return day;
    }

    public void setDay(String v) {
        day = v == null ? "" : v;
    }

    public String getMonth() {
        return month;
    }

    public void setMonth(String v) {
        month = v == null ? "" : v;
    }

    public String getYear() {
        return year;
    }

    public void setYear(String v) {
        year = v == null ? "" : v;
    }
}
