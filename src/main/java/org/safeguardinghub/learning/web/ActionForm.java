package org.safeguardinghub.learning.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.learning.tracker.ActionDetail;
import org.safeguardinghub.platform.web.DateInput;

/** The add or change an action form. */
public class ActionForm {

    @NotBlank(message = "Enter what will be done")
    @Size(max = 4000, message = "Action must be 4,000 characters or fewer")
    private String text = "";

    @NotNull(message = "Select the agency that owns the action")
    private @Nullable Long ownerAgencyId;

    @Size(max = 200, message = "Owner must be 200 characters or fewer")
    private String ownerPerson = "";

    private DateInput dueOn = new DateInput();

    private int version;

    static ActionForm of(ActionDetail a) {
        ActionForm f = new ActionForm();
        f.text = a.text();
        f.ownerAgencyId = a.ownerAgencyId();
        f.ownerPerson = a.ownerPerson() == null ? "" : a.ownerPerson();
        f.dueOn = DateInput.of(a.dueOn());
        f.version = a.version();
        return f;
    }

    public String getText() {
        return text;
    }

    public void setText(@Nullable String v) {
        text = v == null ? "" : v;
    }

    public @Nullable Long getOwnerAgencyId() {
        return ownerAgencyId;
    }

    public void setOwnerAgencyId(@Nullable Long v) {
        ownerAgencyId = v;
    }

    public String getOwnerPerson() {
        return ownerPerson;
    }

    public void setOwnerPerson(@Nullable String v) {
        ownerPerson = v == null ? "" : v;
    }

    public DateInput getDueOn() {
        return dueOn;
    }

    public void setDueOn(DateInput v) {
        dueOn = v;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int v) {
        version = v;
    }
}
