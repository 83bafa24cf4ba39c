package org.safeguardinghub.casereviews.contributions;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.casereviews.cases.ClockView;
import org.safeguardinghub.documents.DocumentSummary;
import org.safeguardinghub.platform.web.Refusal;

/**
 * A request to one agency for its summary of involvement, chronology or agency report, as that agency's lead sees
 * it: the minimum needed to answer (the case reference or the review's title, what is asked and by when), never
 * the case detail.
 */
public record Contribution(
        long id,
        long partnershipId,
        long agencyId,
        String subject,
        String subjectKind,
        String kind,
        @Nullable String question,
        LocalDate requestedOn,
        @Nullable LocalDate dueOn,
        String requestedByName,
        String status,
        @Nullable String response,
        @Nullable LocalDate answeredOn,
        @Nullable String answeredByName,
        int version,
        @Nullable ClockView clock,
        List<DocumentSummary> documents) {

    public boolean answered() {
        return "ANSWERED".equals(status);
    }

    public boolean open() {
        return "REQUESTED".equals(status);
    }

    public String statusLabel() {
        return switch (status) {
            case "ANSWERED" -> "Answered";
            case "WITHDRAWN" -> "Withdrawn";
            default -> clock != null && clock.overdue() ? "Overdue" : "To answer";
        };
    }

    public String statusClass() {
        return switch (status) {
            case "ANSWERED" -> "govuk-tag--green";
            case "WITHDRAWN" -> "govuk-tag--grey";
            default -> clock != null && clock.overdue() ? "govuk-tag--red" : "govuk-tag--blue";
        };
    }

    /**
     * Answers the request. Only an open request can be answered, once.
     *
     * @throws IllegalStateException when the request was already answered or withdrawn
     */
    Contribution answer(String text, LocalDate on, String by) {
        if (!open()) {
            throw Refusal.invalid(answered() ? "This request has already been answered" : "This request was withdrawn");
        }
        if (text.isBlank()) {
            throw Refusal.invalid("Enter your answer");
        }
        return new Contribution(
                id,
                partnershipId,
                agencyId,
                subject,
                subjectKind,
                kind,
                question,
                requestedOn,
                dueOn,
                requestedByName,
                "ANSWERED",
                text.strip(),
                on,
                by,
                version,
                null,
                documents);
    }
}
