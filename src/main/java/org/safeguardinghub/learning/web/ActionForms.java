package org.safeguardinghub.learning.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.web.DateInput;
import org.springframework.web.multipart.MultipartFile;

/** The small forms on an action's page: progress, evidence, sign-off and impact. */
public final class ActionForms {

    private ActionForms() {}

    /** A form that changes the action at the version the page showed, so a change saved since is not overwritten. */
    public abstract static class Versioned {

        private int version;

        public int getVersion() {
            return version;
        }

        public void setVersion(int v) {
            version = v;
        }
    }

    /** A progress update from the owning agency, optionally moving the action to another status. */
    public static class Progress extends Versioned {

        @NotBlank(message = "Enter the progress made")
        @Size(max = 4000, message = "Progress must be 4,000 characters or fewer")
        private String progress = "";

        private String newStatus = "";

        public String getProgress() {
            return progress;
        }

        public void setProgress(@Nullable String v) {
            progress = v == null ? "" : v;
        }

        public String getNewStatus() {
            return newStatus;
        }

        public void setNewStatus(@Nullable String v) {
            newStatus = v == null ? "" : v;
        }
    }

    /** A document kept as evidence. */
    public static class Evidence {

        private @Nullable MultipartFile evidence;

        @Size(max = 500, message = "Description must be 500 characters or fewer")
        private String evidenceDescription = "";

        public @Nullable MultipartFile getEvidence() {
            return evidence;
        }

        public void setEvidence(@Nullable MultipartFile v) {
            evidence = v;
        }

        public String getEvidenceDescription() {
            return evidenceDescription;
        }

        public void setEvidenceDescription(@Nullable String v) {
            evidenceDescription = v == null ? "" : v;
        }
    }

    /** Sign-off by the Learning and Improvement Group. */
    public static class SignOff extends Versioned {

        private DateInput signedOffOn = new DateInput();

        @Size(max = 2000, message = "Note must be 2,000 characters or fewer")
        private String signOffNote = "";

        public DateInput getSignedOffOn() {
            return signedOffOn;
        }

        public void setSignedOffOn(DateInput v) {
            signedOffOn = v;
        }

        public String getSignOffNote() {
            return signOffNote;
        }

        public void setSignOffNote(@Nullable String v) {
            signOffNote = v == null ? "" : v;
        }
    }

    /** How the partnership knows the action made a difference. */
    public static class Impact extends Versioned {

        @NotBlank(message = "Enter how you know the action made a difference")
        @Size(max = 4000, message = "Impact must be 4,000 characters or fewer")
        private String impactNote = "";

        public String getImpactNote() {
            return impactNote;
        }

        public void setImpactNote(@Nullable String v) {
            impactNote = v == null ? "" : v;
        }
    }
}
