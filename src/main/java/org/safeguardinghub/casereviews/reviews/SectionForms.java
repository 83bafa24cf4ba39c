package org.safeguardinghub.casereviews.reviews;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.safeguardinghub.platform.web.DateInput;
import org.springframework.web.multipart.MultipartFile;

/**
 * The small forms on a practice review's page, one per section. Field names are unique across the page, because
 * each becomes the id of its input and the target of its error summary link.
 */
public final class SectionForms {

    private SectionForms() {}

    /** A person joining the review panel. */
    public static class MemberForm {

        @NotBlank(message = "Enter the panel member's name")
        @Size(max = 200, message = "Name must be 200 characters or fewer")
        private String memberName = "";

        @Size(max = 200, message = "Role must be 200 characters or fewer")
        private String memberRole = "";

        private Long memberAgencyId;

        /** The member's Hub account, which lets them read this review (optional). */
        private Long memberUserId;

        public Long getMemberUserId() {
            return memberUserId;
        }

        public void setMemberUserId(Long v) {
            memberUserId = v;
        }

        public String getMemberName() {
            return memberName;
        }

        public void setMemberName(String v) {
            memberName = v;
        }

        public String getMemberRole() {
            return memberRole;
        }

        public void setMemberRole(String v) {
            memberRole = v;
        }

        public Long getMemberAgencyId() {
            return memberAgencyId;
        }

        public void setMemberAgencyId(Long v) {
            memberAgencyId = v;
        }
    }

    /** A panel meeting, with its agenda and minutes. */
    public static class MeetingForm {

        private DateInput meetingOn = new DateInput();

        @Size(max = 10000, message = "Notes must be 10,000 characters or fewer")
        private String meetingNotes = "";

        private MultipartFile meetingAgenda;

        private MultipartFile meetingMinutes;

        public DateInput getMeetingOn() {
            return meetingOn;
        }

        public void setMeetingOn(DateInput v) {
            meetingOn = v;
        }

        public String getMeetingNotes() {
            return meetingNotes;
        }

        public void setMeetingNotes(String v) {
            meetingNotes = v;
        }

        public MultipartFile getMeetingAgenda() {
            return meetingAgenda;
        }

        public void setMeetingAgenda(MultipartFile v) {
            meetingAgenda = v;
        }

        public MultipartFile getMeetingMinutes() {
            return meetingMinutes;
        }

        public void setMeetingMinutes(MultipartFile v) {
            meetingMinutes = v;
        }
    }

    /** An agenda or minutes added to a meeting already recorded. */
    public static class MeetingDocumentForm {

        @NotNull(message = "Select the meeting")
        private Long documentMeetingId;

        @NotBlank(message = "Select whether this is the agenda or the minutes")
        private String documentKind = "";

        private MultipartFile documentFile;

        public Long getDocumentMeetingId() {
            return documentMeetingId;
        }

        public void setDocumentMeetingId(Long v) {
            documentMeetingId = v;
        }

        public String getDocumentKind() {
            return documentKind;
        }

        public void setDocumentKind(String v) {
            documentKind = v;
        }

        public MultipartFile getDocumentFile() {
            return documentFile;
        }

        public void setDocumentFile(MultipartFile v) {
            documentFile = v;
        }
    }

    /** A request to an agency for its report to the review. */
    public static class RequestForm {

        @NotNull(message = "Select the agency")
        private Long requestAgencyId;

        private DateInput requestDueOn = new DateInput();

        @NotBlank(message = "Enter what the agency is asked to report on")
        @Size(max = 10000, message = "The request must be 10,000 characters or fewer")
        private String requestQuestion = "";

        public Long getRequestAgencyId() {
            return requestAgencyId;
        }

        public void setRequestAgencyId(Long v) {
            requestAgencyId = v;
        }

        public DateInput getRequestDueOn() {
            return requestDueOn;
        }

        public void setRequestDueOn(DateInput v) {
            requestDueOn = v;
        }

        public String getRequestQuestion() {
            return requestQuestion;
        }

        public void setRequestQuestion(String v) {
            requestQuestion = v;
        }
    }

    /** How the family is involved in the review. */
    public static class FamilyForm {

        @Size(max = 10000, message = "Family involvement must be 10,000 characters or fewer")
        private String familyInvolvement = "";

        private int version;

        public String getFamilyInvolvement() {
            return familyInvolvement;
        }

        public void setFamilyInvolvement(String v) {
            familyInvolvement = v;
        }

        public int getVersion() {
            return version;
        }

        public void setVersion(int v) {
            version = v;
        }
    }

    /** The draft report received. */
    public static class DraftForm {

        private DateInput draftOn = new DateInput();

        private MultipartFile draftFile;

        private int version;

        public DateInput getDraftOn() {
            return draftOn;
        }

        public void setDraftOn(DateInput v) {
            draftOn = v;
        }

        public MultipartFile getDraftFile() {
            return draftFile;
        }

        public void setDraftFile(MultipartFile v) {
            draftFile = v;
        }

        public int getVersion() {
            return version;
        }

        public void setVersion(int v) {
            version = v;
        }
    }

    /** The final report received. */
    public static class FinalForm {

        private DateInput finalOn = new DateInput();

        private MultipartFile finalFile;

        private int version;

        public DateInput getFinalOn() {
            return finalOn;
        }

        public void setFinalOn(DateInput v) {
            finalOn = v;
        }

        public MultipartFile getFinalFile() {
            return finalFile;
        }

        public void setFinalFile(MultipartFile v) {
            finalFile = v;
        }

        public int getVersion() {
            return version;
        }

        public void setVersion(int v) {
            version = v;
        }
    }

    /** Sign-off of the final report by the safeguarding partners. */
    public static class SignOffForm {

        private DateInput signedOffOn = new DateInput();

        @NotBlank(message = "Enter who signed off the review")
        @Size(max = 200, message = "Signed off by must be 200 characters or fewer")
        private String signedOffBy = "";

        private int version;

        public DateInput getSignedOffOn() {
            return signedOffOn;
        }

        public void setSignedOffOn(DateInput v) {
            signedOffOn = v;
        }

        public String getSignedOffBy() {
            return signedOffBy;
        }

        public void setSignedOffBy(String v) {
            signedOffBy = v;
        }

        public int getVersion() {
            return version;
        }

        public void setVersion(int v) {
            version = v;
        }
    }

    /** Publication, named or anonymised, or a delay with its reason. */
    public static class PublicationForm {

        @NotBlank(message = "Select how the review is published, or that publication is delayed")
        private String publication = "";

        private DateInput publishedOn = new DateInput();

        @Size(max = 2000, message = "The reason must be 2,000 characters or fewer")
        private String delayReason = "";

        private int version;

        public String getPublication() {
            return publication;
        }

        public void setPublication(String v) {
            publication = v;
        }

        public DateInput getPublishedOn() {
            return publishedOn;
        }

        public void setPublishedOn(DateInput v) {
            publishedOn = v;
        }

        public String getDelayReason() {
            return delayReason;
        }

        public void setDelayReason(String v) {
            delayReason = v;
        }

        public int getVersion() {
            return version;
        }

        public void setVersion(int v) {
            version = v;
        }
    }

    /** The learning themes the review is tagged with. */
    public static class ThemesForm {

        private List<Long> themeIds = new ArrayList<>();

        public List<Long> getThemeIds() {
            return themeIds;
        }

        public void setThemeIds(List<Long> v) {
            themeIds = v;
        }
    }
}
