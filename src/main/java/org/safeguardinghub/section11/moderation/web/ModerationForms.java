package org.safeguardinghub.section11.moderation.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.web.DateInput;

/** The forms of the moderation pages, bound by Spring and kept exactly as typed when refused. */
final class ModerationForms {

    static final int MAX_TEXT = 10_000;

    private ModerationForms() {}

    static String text(@Nullable String v) {
        return v == null ? "" : v;
    }

    /** A challenge question from the panel on one standard. */
    public static class ChallengeForm {
        private String standardId = "";
        private String question = "";

        public String getStandardId() {
            return standardId;
        }

        public void setStandardId(@Nullable String v) {
            standardId = text(v);
        }

        public String getQuestion() {
            return question;
        }

        public void setQuestion(@Nullable String v) {
            question = text(v);
        }
    }

    /** The panel's final position, with the actions that go to the learning tracker. */
    public static class FinalForm {
        private String position = "";
        private String feedback = "";
        private String followUp = "";
        private List<String> improvementIds = new ArrayList<>();
        private String extraAction = "";
        private DateInput extraActionDue = new DateInput();

        public String getPosition() {
            return position;
        }

        public void setPosition(@Nullable String v) {
            position = text(v);
        }

        public String getFeedback() {
            return feedback;
        }

        public void setFeedback(@Nullable String v) {
            feedback = text(v);
        }

        public String getFollowUp() {
            return followUp;
        }

        public void setFollowUp(@Nullable String v) {
            followUp = text(v);
        }

        public List<String> getImprovementIds() {
            return improvementIds;
        }

        public void setImprovementIds(@Nullable List<String> v) {
            improvementIds = v == null ? new ArrayList<>() : new ArrayList<>(v);
        }

        public String getExtraAction() {
            return extraAction;
        }

        public void setExtraAction(@Nullable String v) {
            extraAction = text(v);
        }

        public DateInput getExtraActionDue() {
            return extraActionDue;
        }

        public void setExtraActionDue(@Nullable DateInput v) {
            extraActionDue = v == null ? new DateInput() : v;
        }
    }

    /** A panel meeting: when, who came, notes and the returns discussed. */
    public static class MeetingForm {
        private DateInput heldOn = new DateInput();
        private String attendees = "";
        private String notes = "";
        private List<String> returnIds = new ArrayList<>();
        private int version;

        public DateInput getHeldOn() {
            return heldOn;
        }

        public void setHeldOn(@Nullable DateInput v) {
            heldOn = v == null ? new DateInput() : v;
        }

        public String getAttendees() {
            return attendees;
        }

        public void setAttendees(@Nullable String v) {
            attendees = text(v);
        }

        public String getNotes() {
            return notes;
        }

        public void setNotes(@Nullable String v) {
            notes = text(v);
        }

        public List<String> getReturnIds() {
            return returnIds;
        }

        public void setReturnIds(@Nullable List<String> v) {
            returnIds = v == null ? new ArrayList<>() : new ArrayList<>(v);
        }

        public int getVersion() {
            return version;
        }

        public void setVersion(int v) {
            version = v;
        }
    }
}
