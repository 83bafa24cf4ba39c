package org.safeguardinghub.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditSearch;
import org.safeguardinghub.platform.web.PageResult;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit viewer: filters, paging, and a CSV export of exactly what the filters select. */
@Controller
class AuditController {

    private final AuditSearch search;

    AuditController(AuditSearch search) {
        this.search = search;
    }

    @GetMapping("/audit")
    String list(@RequestParam Map<String, String> params, @RequestParam(defaultValue = "1") int page, Model model) {
        Map<String, String> problems = new LinkedHashMap<>();
        AuditSearch.Filter filter = filter(params, problems);
        model.addAttribute("problems", problems);
        model.addAttribute("params", params);
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("recordTypes", search.recordTypes());
        model.addAttribute("entries", search.search(filter, page, PageResult.DEFAULT_SIZE));
        model.addAttribute("query", query(params));
        return "audit/list";
    }

    @GetMapping("/audit/export.csv")
    void export(@RequestParam Map<String, String> params, HttpServletResponse response) throws IOException {
        AuditSearch.Filter filter = filter(params, new LinkedHashMap<>());
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-trail.csv\"");
        search.exportCsv(filter, response.getOutputStream());
    }

    static AuditSearch.Filter filter(Map<String, String> params, Map<String, String> problems) {
        return new AuditSearch.Filter(
                date(params.get("from"), "from", problems),
                date(params.get("to"), "to", problems),
                blank(params.get("actor")),
                blank(params.get("action")),
                blank(params.get("recordType")),
                blank(params.get("recordId")));
    }

    /** The current filters as a query string, for paging links and the export link. */
    static String query(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        for (String key : new String[] {"from", "to", "actor", "action", "recordType", "recordId"}) {
            String v = blank(params.get(key));
            if (v != null) {
                sb.append(key)
                        .append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8))
                        .append('&');
            }
        }
        return sb.toString();
    }

    private static @Nullable LocalDate date(@Nullable String value, String field, Map<String, String> problems) {
        String v = blank(value);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            problems.put(
                    field,
                    "Enter the " + (field.equals("from") ? "start" : "end") + " date as a real date, like 2026-03-31");
            return null;
        }
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
