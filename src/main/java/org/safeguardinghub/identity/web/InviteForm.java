package org.safeguardinghub.identity.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/** The invite-a-person form. Mutable because Spring binds request parameters into it. */
public class InviteForm {

    @NotBlank(message = "Enter the person's full name")
    @Size(max = 200, message = "Full name must be 200 characters or fewer")
    private String displayName = "";

    @NotBlank(message = "Enter an email address")
    @Email(message = "Enter an email address in the correct format, like name@example.org")
    @Size(max = 254, message = "Email address must be 254 characters or fewer")
    private String email = "";

    @Size(max = 200, message = "Job title must be 200 characters or fewer")
    private String jobTitle = "";

    @NotNull(message = "Select the person's agency")
    private Long agencyId;

    @NotEmpty(message = "Select at least one role")
    private List<String> roles = new ArrayList<>();

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String v) {
        displayName = v;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String v) {
        email = v;
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

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> v) {
        roles = v;
    }
}
