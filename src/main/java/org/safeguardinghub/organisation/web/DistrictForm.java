package org.safeguardinghub.organisation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.safeguardinghub.organisation.districts.District;

/** The add or change a district form. */
public class DistrictForm {

    @NotBlank(message = "Enter the district's name")
    @Size(max = 200, message = "Name must be 200 characters or fewer")
    private String name = "";

    private Long areaId;

    @Size(max = 500, message = "Former names must be 500 characters or fewer")
    private String formerNames = "";

    @Pattern(
            regexp = "\\s*([EeWwSsNn][0-9]{8})?\\s*",
            message = "Enter the ONS code as a letter and 8 numbers, like E07000105")
    private String onsCode = "";

    private int version;

    static DistrictForm of(District d) {
        DistrictForm f = new DistrictForm();
        f.name = d.name();
        f.areaId = d.areaId();
        f.formerNames = d.formerNames() == null ? "" : d.formerNames();
        f.onsCode = d.onsCode() == null ? "" : d.onsCode();
        f.version = d.version();
        return f;
    }

    public String getName() {
        return name;
    }

    public void setName(String v) {
        name = v;
    }

    public Long getAreaId() {
        return areaId;
    }

    public void setAreaId(Long v) {
        areaId = v;
    }

    public String getFormerNames() {
        return formerNames;
    }

    public void setFormerNames(String v) {
        formerNames = v;
    }

    public String getOnsCode() {
        return onsCode;
    }

    public void setOnsCode(String v) {
        onsCode = v;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int v) {
        version = v;
    }
}
