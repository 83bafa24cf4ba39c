package org.safeguardinghub.organisation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.safeguardinghub.organisation.groups.Group;

/** The add or change a group form. */
public class GroupForm {

    @NotBlank(message = "Enter the group's name")
    @Size(max = 200, message = "Name must be 200 characters or fewer")
    private String name = "";

    private Long parentGroupId;

    @Size(max = 2000, message = "Purpose must be 2,000 characters or fewer")
    private String purpose = "";

    @Size(max = 20000, message = "Terms of reference must be 20,000 characters or fewer")
    private String termsOfReference = "";

    @Size(max = 100, message = "Meeting frequency must be 100 characters or fewer")
    private String meetingFrequency = "";

    private int version;

    static GroupForm of(Group g) {
        GroupForm f = new GroupForm();
        f.name = g.name();
        f.parentGroupId = g.parentGroupId();
        f.purpose = g.purpose() == null ? "" : g.purpose();
        f.termsOfReference = g.termsOfReference() == null ? "" : g.termsOfReference();
        f.meetingFrequency = g.meetingFrequency() == null ? "" : g.meetingFrequency();
        f.version = g.version();
        return f;
    }

    public String getName() {
        return name;
    }

    public void setName(String v) {
        name = v;
    }

    public Long getParentGroupId() {
        return parentGroupId;
    }

    public void setParentGroupId(Long v) {
        parentGroupId = v;
    }

    public String getPurpose() {
        return purpose;
    }

    public void setPurpose(String v) {
        purpose = v;
    }

    public String getTermsOfReference() {
        return termsOfReference;
    }

    public void setTermsOfReference(String v) {
        termsOfReference = v;
    }

    public String getMeetingFrequency() {
        return meetingFrequency;
    }

    public void setMeetingFrequency(String v) {
        meetingFrequency = v;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int v) {
        version = v;
    }
}
