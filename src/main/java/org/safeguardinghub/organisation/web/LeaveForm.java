package org.safeguardinghub.organisation.web;

import org.safeguardinghub.organisation.groups.GroupMember;
import org.safeguardinghub.platform.web.DateInput;

/** The mark a member as left form: just the date they left. */
public class LeaveForm {

    private DateInput leftOn = new DateInput();

    private int version;

    static LeaveForm of(GroupMember m, java.time.LocalDate defaultDate) {
        LeaveForm f = new LeaveForm();
        f.leftOn = DateInput.of(m.leftOn() != null ? m.leftOn() : defaultDate);
        f.version = m.version();
        return f;
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
