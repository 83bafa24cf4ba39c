package org.safeguardinghub.section11.cycles.web;

import java.util.ArrayList;
import java.util.List;
import org.safeguardinghub.platform.web.DateInput;
import org.safeguardinghub.section11.cycles.Cycle;

/** The cycle form as typed, kept whole so a refused form shows everything again. */
public class CycleForm {

    private String name = "";
    private List<Long> partnershipIds = new ArrayList<>();
    private DateInput opensOn = new DateInput();
    private DateInput closesOn = new DateInput();
    private DateInput moderationFrom = new DateInput();
    private DateInput moderationTo = new DateInput();
    private String previousCycleId = "";
    private int version;

    static CycleForm of(Cycle c) {
        CycleForm f = new CycleForm();
        f.name = c.name();
        f.partnershipIds = new ArrayList<>(
                c.partnerships().stream().map(Cycle.PartnershipRef::id).toList());
        f.opensOn = DateInput.of(c.opensOn());
        f.closesOn = DateInput.of(c.closesOn());
        f.moderationFrom = DateInput.of(c.moderationFrom());
        f.moderationTo = DateInput.of(c.moderationTo());
        f.previousCycleId = c.previousCycleId() == null ? "" : String.valueOf(c.previousCycleId());
        f.version = c.version();
        return f;
    }

    public String getName() {
        return name;
    }

    public void setName(String v) {
        name = v == null ? "" : v;
    }

    public List<Long> getPartnershipIds() {
        return partnershipIds;
    }

    public void setPartnershipIds(List<Long> v) {
        partnershipIds = v == null ? new ArrayList<>() : v;
    }

    public DateInput getOpensOn() {
        return opensOn;
    }

    public void setOpensOn(DateInput v) {
        opensOn = v;
    }

    public DateInput getClosesOn() {
        return closesOn;
    }

    public void setClosesOn(DateInput v) {
        closesOn = v;
    }

    public DateInput getModerationFrom() {
        return moderationFrom;
    }

    public void setModerationFrom(DateInput v) {
        moderationFrom = v;
    }

    public DateInput getModerationTo() {
        return moderationTo;
    }

    public void setModerationTo(DateInput v) {
        moderationTo = v;
    }

    public String getPreviousCycleId() {
        return previousCycleId;
    }

    public void setPreviousCycleId(String v) {
        previousCycleId = v == null ? "" : v;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int v) {
        version = v;
    }
}
