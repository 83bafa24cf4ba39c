package org.safeguardinghub.organisation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.safeguardinghub.organisation.partnerships.Partnership;

/** The add or change a partnership form. */
public class PartnershipForm {

    @NotBlank(message = "Enter the partnership's name")
    @Size(max = 200, message = "Name must be 200 characters or fewer")
    private String name = "";

    @NotBlank(message = "Enter a short name, like KSCMP")
    @Size(max = 30, message = "Short name must be 30 characters or fewer")
    private String shortName = "";

    @Size(max = 2000, message = "Description must be 2,000 characters or fewer")
    private String description = "";

    private int version;

    static PartnershipForm of(Partnership p) {
        PartnershipForm f = new PartnershipForm();
        f.name = p.name();
        f.shortName = p.shortName();
        f.description = p.description() == null ? "" : p.description();
        f.version = p.version();
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

    public String getDescription() {
        return description;
    }

    public void setDescription(String v) {
        description = v;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int v) {
        version = v;
    }
}
