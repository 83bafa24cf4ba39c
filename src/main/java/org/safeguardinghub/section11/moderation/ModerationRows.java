package org.safeguardinghub.section11.moderation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.section11.FinalPosition;
import org.safeguardinghub.section11.NoteKind;
import org.safeguardinghub.section11.ReturnStatus;

/** What the moderation pages show: plain records read by {@link ModerationRecords}. */
public final class ModerationRows {

    private ModerationRows() {}

    /** A return of a cycle on the assignments page, with who moderates it for the current partnership. */
    record AssignmentRow(
            long returnId,
            long agencyId,
            String agencyName,
            ReturnStatus status,
            @Nullable Instant submittedAt,
            List<Assigned> assigned,
            List<PanelMember> eligible) {}

    record Assigned(long id, long userId, String name, String agencyName) {}

    /** An active person holding PANEL_MEMBER in the partnership. */
    record PanelMember(long userId, String name, long agencyId, String agencyName) {

        public String label() {
            return name + " (" + agencyName + ")";
        }
    }

    /** The agency's answer to one standard, as submitted. */
    public record Response(
            long id, long standardId, @Nullable Integer selfScore, boolean notApplicable, String evidence) {}

    public record Answer(long standardId, long questionId, String value) {}

    public record Improvement(
            long id,
            long standardId,
            String text,
            String ownerName,
            LocalDate dueOn,
            @Nullable Long learningActionId) {}

    /** The panel's score on a standard for one partnership. */
    public record ModeratedScore(
            long standardId,
            @Nullable Integer score,
            boolean notApplicable,
            String note,
            @Nullable NoteKind kind,
            int version,
            String updatedByName,
            Instant updatedAt) {

        /** The value of the score radios: the score, or "NA". */
        public String choice() {
            return notApplicable ? "NA" : String.valueOf(score);
        }
    }

    public record Challenge(
            long id,
            long partnershipId,
            long standardId,
            String question,
            String askedByName,
            Instant askedAt,
            @Nullable String response,
            @Nullable String respondedByName,
            @Nullable Instant respondedAt,
            int version) {

        public boolean answered() {
            return response != null;
        }
    }

    /** A partnership's agreed final position on a return. */
    public record Agreement(
            long partnershipId,
            String partnershipName,
            FinalPosition position,
            String feedback,
            String followUp,
            Instant agreedAt,
            String agreedByName) {}

    public record Meeting(
            long id,
            LocalDate heldOn,
            String attendees,
            String notes,
            String createdByName,
            int version,
            List<Long> returnIds,
            List<String> agencyNames) {}

    /** A return that can be chosen as discussed at a meeting. */
    public record CycleReturn(long id, long agencyId, String agencyName, ReturnStatus status) {}
}
