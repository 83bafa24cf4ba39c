package org.safeguardinghub.organisation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.safeguardinghub.organisation.groups.GroupMember;
import org.safeguardinghub.platform.web.DateInput;

/** The add or change a group member form. Dates are typed as day, month and year. */
public class MemberForm {

    @NotBlank(message = "Enter the member's full name")
    @Size(max = 200, message = "Full name must be 200 characters or fewer")
    private String personName = "";

    @Size(max = 200, message = "Job title must be 200 characters or fewer")
    private String jobTitle = "";

    private Long agencyId;

    @NotBlank(message = "Select the member's role in the group")
    private String role = "";

    private DateInput joinedOn = new DateInput();

    private DateInput leftOn = new DateInput();

    private int version;

    static MemberForm of(GroupMember m) {
        MemberForm f = new MemberForm();
        f.personName = m.personName();
        f.jobTitle = m.jobTitle() == null ? "" : m.jobTitle();
        f.agencyId = m.agencyId();
        f.role = m.role().name();
        f.joinedOn = DateInput.of(m.joinedOn());
        f.leftOn = DateInput.of(m.leftOn());
        f.version = m.version();
        return f;
    }

    public String getPersonName() {
        return personName;
    }

    public void setPersonName(String v) {
        personName = v;
    }

    public String getJobTitle() {
        return jobTitle;
    }

    public void setJobTitle(String v) {
        jobTitle = v;
    }

    public Long getAgencyId() {
        return agencyId;
    }

    public void setAgencyId(Long v) {
        agencyId = v;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String v) {
        role = v;
    }

    public DateInput getJoinedOn() {
        return joinedOn;
    }

    public void setJoinedOn(DateInput v) {
        joinedOn = v;
    }

    public DateInput getLeftOn() {
        return leftOn;
    }

    public void setLeftOn(DateInput v) {
        leftOn = v;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int v) {
        version = v;
    }
}
