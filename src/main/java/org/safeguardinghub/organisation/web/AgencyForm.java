package org.safeguardinghub.organisation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.safeguardinghub.organisation.agencies.Agency;

/** The add or change an agency form. Mutable because Spring binds request parameters into it. */
public class AgencyForm {

    @NotBlank(message = "Enter the agency's name")
    @Size(max = 200, message = "Name must be 200 characters or fewer")
    private String name = "";

    @Size(max = 50, message = "Short name must be 50 characters or fewer")
    private String shortName = "";

    @NotBlank(message = "Select the type of agency")
    private String type = "";

    @NotBlank(message = "Select the agency's sector")
    private String sector = "";

    @NotEmpty(message = "Select the partnerships the agency works with")
    private List<Long> partnershipIds = new ArrayList<>();

    private int version;

    static AgencyForm of(Agency a) {
        AgencyForm f = new AgencyForm();
        f.name = a.name();
        f.shortName = a.shortName() == null ? "" : a.shortName();
        f.type = a.type().name();
        f.sector = a.sector().name();
        f.partnershipIds = new ArrayList<>(a.partnershipIds());
        f.version = a.version();
        return f;
    }

    public String getName() {
        return name;
    }

    public void setName(String v) {
        name = v;
    }

    public String getShortName() {
        return shortName;
    }

    public void setShortName(String v) {
        shortName = v;
    }

    public String getType() {
        return type;
    }

    public void setType(String v) {
        type = v;
    }

    public String getSector() {
        return sector;
    }

    public void setSector(String v) {
        sector = v;
    }

    public List<Long> getPartnershipIds() {
        return partnershipIds;
    }

    public void setPartnershipIds(List<Long> v) {
        partnershipIds = v == null ? new ArrayList<>() : v;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int v) {
        version = v;
    }
}
