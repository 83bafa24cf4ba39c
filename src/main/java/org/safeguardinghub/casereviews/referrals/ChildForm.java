package org.safeguardinghub.casereviews.referrals;

import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.web.DateInput;

/** One child's block on the referral form, as typed. */
public class ChildForm {

    private String ageYears = "";
    private DateInput dateOfBirth = new DateInput();
    private String gender = "";
    private String ethnicity = "";
    private String disability = "";
    private String statutoryStatus = "";
    private String districtId = "";

    static ChildForm of(ReferralDetails.Child child) {
        ChildForm f = new ChildForm();
        f.ageYears = child.ageYears() == null ? "" : String.valueOf(child.ageYears());
        f.dateOfBirth = DateInput.of(child.dateOfBirth());
        f.gender = nz(child.gender());
        f.ethnicity = nz(child.ethnicity());
        f.disability = nz(child.disability());
        f.statutoryStatus = nz(child.statutoryStatus());
        f.districtId = child.districtId() == null ? "" : String.valueOf(child.districtId());
        return f;
    }

    /** Nothing typed in this block: an optional child left out. */
    boolean blank() {
        return ageYears.isBlank()
                && dateOfBirth.blank()
                && gender.isBlank()
                && ethnicity.isBlank()
                && disability.isBlank()
                && statutoryStatus.isBlank()
                && districtId.isBlank();
    }

    /** For the page: whether this block has any answer, so an optional child's block opens. */
    public boolean hasAnswers() {
        return !blank();
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static String cap(@Nullable String v) {
        if (v == null) {
            return "";
        }
        return v.length() > 40 ? v.substring(0, 40) : v;
    }

    public String getAgeYears() {
        return ageYears;
    }

    public void setAgeYears(@Nullable String v) {
        ageYears = cap(v);
    }

    public DateInput getDateOfBirth() {
        return dateOfBirth;
    }

    public void setDateOfBirth(@Nullable DateInput v) {
        dateOfBirth = v == null ? new DateInput() : v;
    }

    public String getGender() {
        return gender;
    }

    public void setGender(@Nullable String v) {
        gender = cap(v);
    }

    public String getEthnicity() {
        return ethnicity;
    }

    public void setEthnicity(@Nullable String v) {
        ethnicity = cap(v);
    }

    public String getDisability() {
        return disability;
    }

    public void setDisability(@Nullable String v) {
        disability = cap(v);
    }

    public String getStatutoryStatus() {
        return statutoryStatus;
    }

    public void setStatutoryStatus(@Nullable String v) {
        statutoryStatus = cap(v);
    }

    public String getDistrictId() {
        return districtId;
    }

    public void setDistrictId(@Nullable String v) {
        districtId = cap(v);
    }
}
