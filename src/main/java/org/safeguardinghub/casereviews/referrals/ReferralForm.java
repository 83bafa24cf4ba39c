package org.safeguardinghub.casereviews.referrals;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.web.DateInput;

/**
 * The referral form as typed, one object for the public form and a signed-in notifier's draft. Everything is kept
 * as text, so a refused form shows exactly what was typed. {@link ReferralChecks} turns it into
 * {@link ReferralDetails}.
 */
public class ReferralForm {

    /** Child blocks offered: the national notification form takes up to four children per incident. */
    static final int CHILDREN = 4;

    private String partnership = "";
    private DateInput incidentDate = new DateInput();
    private DateInput laAwareDate = new DateInput();
    private DateInput notifierAwareDate = new DateInput();
    private String harm = "";
    private String abuseOrNeglect = "";
    private String childInCare = "";
    private String summary = "";
    private String location = "";
    private List<ChildForm> children = blankChildren();
    private List<String> agencyIds = new ArrayList<>();
    private String notifierName = "";
    private String notifierRole = "";
    private String notifierOrganisation = "";
    private String notifierEmail = "";
    private String notifierPhone = "";
    private String rationale = "";
    /** The honeypot: a field people never see or fill in. */
    private String website = "";

    private int version;

    public static ReferralForm of(ReferralDetails d, int version) {
        ReferralForm f = new ReferralForm();
        f.incidentDate = DateInput.of(d.incidentDate());
        f.laAwareDate = DateInput.of(d.laAwareDate());
        f.notifierAwareDate = DateInput.of(d.notifierAwareDate());
        f.harm = nz(d.harm());
        f.abuseOrNeglect = nz(d.abuseOrNeglect());
        f.childInCare = d.childInCare() == null ? "" : (d.childInCare() ? "yes" : "no");
        f.summary = nz(d.summary());
        f.location = nz(d.location());
        for (ReferralDetails.Child c : d.children()) {
            if (c.position() >= 1 && c.position() <= CHILDREN) {
                f.children.set(c.position() - 1, ChildForm.of(c));
            }
        }
        f.agencyIds =
                new ArrayList<>(d.agencyIds().stream().map(String::valueOf).toList());
        f.notifierName = nz(d.notifierName());
        f.notifierRole = nz(d.notifierRole());
        f.notifierOrganisation = nz(d.notifierOrganisation());
        f.notifierEmail = nz(d.notifierEmail());
        f.notifierPhone = nz(d.notifierPhone());
        f.rationale = nz(d.rationale());
        f.version = version;
        return f;
    }

    private static List<ChildForm> blankChildren() {
        List<ChildForm> list = new ArrayList<>();
        for (int i = 0; i < CHILDREN; i++) {
            list.add(new ChildForm());
        }
        return list;
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static String nn(@Nullable String s) {
        return s == null ? "" : s;
    }

    public String getPartnership() {
        return partnership;
    }

    public void setPartnership(@Nullable String v) {
        partnership = nn(v);
    }

    public DateInput getIncidentDate() {
        return incidentDate;
    }

    public void setIncidentDate(@Nullable DateInput v) {
        incidentDate = v == null ? new DateInput() : v;
    }

    public DateInput getLaAwareDate() {
        return laAwareDate;
    }

    public void setLaAwareDate(@Nullable DateInput v) {
        laAwareDate = v == null ? new DateInput() : v;
    }

    public DateInput getNotifierAwareDate() {
        return notifierAwareDate;
    }

    public void setNotifierAwareDate(@Nullable DateInput v) {
        notifierAwareDate = v == null ? new DateInput() : v;
    }

    public String getHarm() {
        return harm;
    }

    public void setHarm(@Nullable String v) {
        harm = nn(v);
    }

    public String getAbuseOrNeglect() {
        return abuseOrNeglect;
    }

    public void setAbuseOrNeglect(@Nullable String v) {
        abuseOrNeglect = nn(v);
    }

    public String getChildInCare() {
        return childInCare;
    }

    public void setChildInCare(@Nullable String v) {
        childInCare = nn(v);
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(@Nullable String v) {
        summary = nn(v);
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(@Nullable String v) {
        location = nn(v);
    }

    public List<ChildForm> getChildren() {
        return children;
    }

    public void setChildren(@Nullable List<ChildForm> v) {
        children = v == null ? blankChildren() : v;
    }

    public List<String> getAgencyIds() {
        return agencyIds;
    }

    public void setAgencyIds(@Nullable List<String> v) {
        agencyIds = v == null ? new ArrayList<>() : v;
    }

    public String getNotifierName() {
        return notifierName;
    }

    public void setNotifierName(@Nullable String v) {
        notifierName = nn(v);
    }

    public String getNotifierRole() {
        return notifierRole;
    }

    public void setNotifierRole(@Nullable String v) {
        notifierRole = nn(v);
    }

    public String getNotifierOrganisation() {
        return notifierOrganisation;
    }

    public void setNotifierOrganisation(@Nullable String v) {
        notifierOrganisation = nn(v);
    }

    public String getNotifierEmail() {
        return notifierEmail;
    }

    public void setNotifierEmail(@Nullable String v) {
        notifierEmail = nn(v);
    }

    public String getNotifierPhone() {
        return notifierPhone;
    }

    public void setNotifierPhone(@Nullable String v) {
        notifierPhone = nn(v);
    }

    public String getRationale() {
        return rationale;
    }

    public void setRationale(@Nullable String v) {
        rationale = nn(v);
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(@Nullable String v) {
        website = nn(v);
    }

    /** Files are never bound into the form; this only lets errors be recorded against the file field. */
    public String getAttachments() {
        return "";
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int v) {
        version = v;
    }
}
