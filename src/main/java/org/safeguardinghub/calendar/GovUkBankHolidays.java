package org.safeguardinghub.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads GOV.UK's {@code bank-holidays.json} (www.gov.uk/bank-holidays.json): an object with one entry per division,
 * each with an {@code events} array of {@code {"title", "date", "notes", "bunting"}}. Only the {@code
 * england-and-wales} division is used. Every problem is reported in words an administrator can act on.
 */
final class GovUkBankHolidays {

    static final String DIVISION = "england-and-wales";

    /** The fewest holidays a complete year has had in England and Wales (2014 to 2030: 8, with 9 or 10 in some). */
    static final int FEWEST_IN_A_YEAR = 8;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The official holidays read from a file, and the years they cover (inclusive). */
    record OfficialList(List<BankHoliday> holidays, int firstYear, int lastYear) {}

    /** A file that cannot be used, with the reason to show. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private GovUkBankHolidays() {}

    static OfficialList read(byte[] file) throws Refused {
        JsonNode root;
        try {
            root = JSON.readTree(file);
        } catch (JacksonException e) {
            throw new Refused("The file is not valid JSON. Download bank-holidays.json from GOV.UK again and upload it"
                    + " without changing it");
        }
        if (root == null || !root.isObject()) {
            throw new Refused("The file is not in the GOV.UK bank holidays format: it must be a JSON object");
        }
        JsonNode division = root.get(DIVISION);
        if (division == null
                || !division.isObject()
                || division.get("events") == null
                || !division.get("events").isArray()) {
            throw new Refused("The file has no \"" + DIVISION + "\" list of events. Upload GOV.UK's"
                    + " bank-holidays.json, which lists England and Wales, Scotland and Northern Ireland");
        }
        Map<LocalDate, BankHoliday> byDate = new TreeMap<>();
        int n = 0;
        for (JsonNode event : division.get("events")) {
            n++;
            JsonNode title = event.get("title");
            JsonNode date = event.get("date");
            if (title == null || !title.isString() || title.asString().isBlank()) {
                throw new Refused("Event " + n + " of England and Wales has no title");
            }
            if (date == null || !date.isString()) {
                throw new Refused("Event " + n + " of England and Wales (" + title.asString() + ") has no date");
            }
            LocalDate day;
            try {
                day = LocalDate.parse(date.asString().strip());
            } catch (DateTimeParseException e) {
                throw new Refused("Event " + n + " of England and Wales has the date \"" + date.asString()
                        + "\"; dates must be written like 2031-12-25");
            }
            String text = title.asString().strip();
            if (text.length() > 200) {
                throw new Refused("Event " + n + " of England and Wales has a title longer than 200 characters");
            }
            if (byDate.putIfAbsent(day, new BankHoliday(day, text)) != null) {
                throw new Refused("England and Wales lists " + day + " more than once");
            }
        }
        if (byDate.isEmpty()) {
            throw new Refused("The England and Wales list has no bank holidays");
        }
        List<BankHoliday> holidays = new ArrayList<>(byDate.values());
        int first = holidays.get(0).date().getYear();
        int last = holidays.get(holidays.size() - 1).date().getYear();
        for (int year = first; year <= last; year++) {
            int y = year;
            long count = holidays.stream().filter(h -> h.date().getYear() == y).count();
            if (count < FEWEST_IN_A_YEAR) {
                throw new Refused("The England and Wales list has " + count + " bank holidays in " + year
                        + "; every complete year has at least " + FEWEST_IN_A_YEAR + ". Is the file complete?");
            }
        }
        return new OfficialList(List.copyOf(holidays), first, last);
    }
}
