package org.safeguardinghub.casereviews.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.safeguardinghub.platform.web.DateInput;

/** The forms of the case pages. Mutable beans because Spring binds request parameters into them. */
public final class CaseForms {

    private CaseForms() {}

    /**
     * A form that sends back the version of the record it was read from, so that saving over someone else's change
     * is refused rather than lost.
     */
    public abstract static class VersionedForm {
        private int version;

        public int getVersion() {
            return version;
        }

        public void setVersion(int v) {
            version = v;
        }
    }

    /**
     * A decision on a referral: what was decided, on what date and why. Each decision names the missing choice in
     * its own words, on its own {@code getDecision}.
     */
    public abstract static class DecisionForm extends VersionedForm {
        private String decision = "";

        private DateInput decidedOn = new DateInput();

        @NotBlank(message = "Enter the rationale for the decision")
        @Size(max = 5000, message = "Rationale must be 5000 characters or fewer")
        private String reason = "";

        public String getDecision() {
            return decision;
        }

        public void setDecision(String v) {
            decision = v == null ? "" : v;
        }

        public DateInput getDecidedOn() {
            return decidedOn;
        }

        public void setDecidedOn(DateInput v) {
            decidedOn = v;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String v) {
            reason = v == null ? "" : v;
        }
    }

    /** The triage decision: notify the national panel or not. */
    public static class TriageForm extends DecisionForm {
        private DateInput notifiedOn = new DateInput();

        public static TriageForm of(Referral r) {
            TriageForm f = new TriageForm();
            f.setDecision(r.nationalDecision());
            f.setDecidedOn(DateInput.of(r.nationalDecisionOn()));
            f.notifiedOn = DateInput.of(r.notifiedOn());
            f.setReason(r.nationalDecisionReason());
            f.setVersion(r.version());
            return f;
        }

        @Override
        @NotBlank(message = "Select whether the incident is notified to the national panel")
        public String getDecision() {
            return super.getDecision();
        }

        public DateInput getNotifiedOn() {
            return notifiedOn;
        }

        public void setNotifiedOn(DateInput v) {
            notifiedOn = v;
        }
    }

    /** The practice review group's decision on a referral not notified nationally. */
    public static class LocalDecisionForm extends DecisionForm {

        public static LocalDecisionForm of(Referral r) {
            LocalDecisionForm f = new LocalDecisionForm();
            f.setDecision(r.localDecision());
            f.setDecidedOn(DateInput.of(r.localDecisionOn()));
            f.setReason(r.localDecisionReason());
            f.setVersion(r.version());
            return f;
        }

        @Override
        @NotBlank(message = "Select whether to hold a local review")
        public String getDecision() {
            return super.getDecision();
        }
    }

    /** The rapid review meeting date. */
    public static class MeetingForm extends VersionedForm {
        private DateInput meetingOn = new DateInput();

        public static MeetingForm of(RapidReview rr) {
            MeetingForm f = new MeetingForm();
            f.meetingOn = DateInput.of(rr.meetingOn());
            f.setVersion(rr.version());
            return f;
        }

        public DateInput getMeetingOn() {
            return meetingOn;
        }

        public void setMeetingOn(DateInput v) {
            meetingOn = v;
        }
    }

    /** A member of the rapid review meeting. */
    public static class MemberForm {
        @NotBlank(message = "Enter the member's name")
        @Size(max = 200, message = "Name must be 200 characters or fewer")
        private String personName = "";

        @Size(max = 200, message = "Role must be 200 characters or fewer")
        private String role = "";

        private Long agencyId;

        /** The member's Hub account, which lets them read this case (optional: not everyone has one). */
        private Long userId;

        public Long getUserId() {
            return userId;
        }

        public void setUserId(Long v) {
            userId = v;
        }

        public String getPersonName() {
            return personName;
        }

        public void setPersonName(String v) {
            personName = v == null ? "" : v;
        }

        public String getRole() {
            return role;
        }

        public void setRole(String v) {
            role = v == null ? "" : v;
        }

        public Long getAgencyId() {
            return agencyId;
        }

        public void setAgencyId(Long v) {
            agencyId = v;
        }
    }

    /** A request to an agency for its summary of involvement or chronology. */
    public static class RequestForm {
        @NotNull(message = "Select the agency")
        private Long agencyId;

        @NotBlank(message = "Select what the agency is asked for")
        private String kind = "";

        @Size(max = 5000, message = "Question must be 5000 characters or fewer")
        private String question = "";

        private DateInput dueOn = new DateInput();

        public Long getAgencyId() {
            return agencyId;
        }

        public void setAgencyId(Long v) {
            agencyId = v;
        }

        public String getKind() {
            return kind;
        }

        public void setKind(String v) {
            kind = v == null ? "" : v;
        }

        public String getQuestion() {
            return question;
        }

        public void setQuestion(String v) {
            question = v == null ? "" : v;
        }

        public DateInput getDueOn() {
            return dueOn;
        }

        public void setDueOn(DateInput v) {
            dueOn = v;
        }
    }

    /** The outcome of the rapid review. */
    public static class OutcomeForm extends VersionedForm {
        @NotBlank(message = "Select the outcome of the rapid review")
        private String outcome = "";

        private String otherReviewType = "";

        @NotBlank(message = "Enter the rationale for the outcome")
        @Size(max = 5000, message = "Rationale must be 5000 characters or fewer")
        private String reason = "";

        private DateInput completedOn = new DateInput();

        public static OutcomeForm of(RapidReview rr) {
            OutcomeForm f = new OutcomeForm();
            f.outcome = rr.outcome() == null ? "" : rr.outcome();
            f.otherReviewType = rr.otherReviewType() == null ? "" : rr.otherReviewType();
            f.reason = rr.outcomeReason() == null ? "" : rr.outcomeReason();
            f.completedOn = DateInput.of(rr.completedOn());
            f.setVersion(rr.version());
            return f;
        }

        public String getOutcome() {
            return outcome;
        }

        public void setOutcome(String v) {
            outcome = v == null ? "" : v;
        }

        public String getOtherReviewType() {
            return otherReviewType;
        }

        public void setOtherReviewType(String v) {
            otherReviewType = v == null ? "" : v;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String v) {
            reason = v == null ? "" : v;
        }

        public DateInput getCompletedOn() {
            return completedOn;
        }

        public void setCompletedOn(DateInput v) {
            completedOn = v;
        }
    }

    /** Sending the rapid review to the national panel. */
    public static class SendForm extends VersionedForm {
        private DateInput sentOn = new DateInput();

        public DateInput getSentOn() {
            return sentOn;
        }

        public void setSentOn(DateInput v) {
            sentOn = v;
        }
    }

    /** The learning themes tagged on the case. */
    public static class ThemesForm {
        private List<Long> themeIds = new ArrayList<>();

        public List<Long> getThemeIds() {
            return themeIds;
        }

        public void setThemeIds(List<Long> v) {
            themeIds = v == null ? new ArrayList<>() : v;
        }
    }
}
