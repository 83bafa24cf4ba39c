package org.safeguardinghub.casereviews.reviews;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.safeguardinghub.platform.web.DateInput;

/** Commissioning a review, or changing its details. */
public class ReviewForm {

    private Long referralId;

    @NotBlank(message = "Enter the review's title, for example Child N")
    @Size(max = 200, message = "Title must be 200 characters or fewer")
    private String title = "";

    @NotBlank(message = "Select the type of review")
    private String reviewType = "";

    private DateInput commissionedOn = new DateInput();

    @Size(max = 500, message = "Reviewers must be 500 characters or fewer")
    private String reviewers = "";

    @Size(max = 10000, message = "Terms of reference must be 10,000 characters or fewer")
    private String termsOfReference = "";

    private Long panelGroupId;

    @Size(max = 10000, message = "Family involvement plan must be 10,000 characters or fewer")
    private String familyInvolvement = "";

    private int version;

    public static ReviewForm of(PracticeReview r) {
        ReviewForm f = new ReviewForm();
        f.referralId = r.referralId();
        f.title = r.title();
        f.reviewType = r.reviewType();
        f.commissionedOn = DateInput.of(r.commissionedOn());
        f.reviewers = r.reviewers() == null ? "" : r.reviewers();
        f.termsOfReference = r.termsOfReference() == null ? "" : r.termsOfReference();
        f.panelGroupId = r.panelGroupId();
        f.familyInvolvement = r.familyInvolvement() == null ? "" : r.familyInvolvement();
        f.version = r.version();
        return f;
    }

    public Long getReferralId() {
        return referralId;
    }

    public void setReferralId(Long v) {
        referralId = v;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String v) {
        title = v;
    }

    public String getReviewType() {
        return reviewType;
    }

    public void setReviewType(String v) {
        reviewType = v;
    }

    public DateInput getCommissionedOn() {
        return commissionedOn;
    }

    public void setCommissionedOn(DateInput v) {
        commissionedOn = v;
    }

    public String getReviewers() {
        return reviewers;
    }

    public void setReviewers(String v) {
        reviewers = v;
    }

    public String getTermsOfReference() {
        return termsOfReference;
    }

    public void setTermsOfReference(String v) {
        termsOfReference = v;
    }

    public Long getPanelGroupId() {
        return panelGroupId;
    }

    public void setPanelGroupId(Long v) {
        panelGroupId = v;
    }

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
