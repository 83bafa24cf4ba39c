package org.safeguardinghub.organisation.web;

import org.safeguardinghub.organisation.groups.GroupMember;

/** The mark a member as left form: just the date they left. */
public class LeaveForm {

    private DateParts leftOn = new DateParts();

    private int version;

    static LeaveForm of(GroupMember m, java.time.LocalDate defaultDate) {
        LeaveForm f = new LeaveForm();
        f.leftOn = DateParts.of(m.leftOn() != null ? m.leftOn() : defaultDate);
        f.version = m.version();
        return f;
    }

    public DateParts getLeftOn() {
        return leftOn;
    }

    public void setLeftOn(DateParts v) {
        leftOn = v;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int v) {
        version = v;
    }
}
