package org.safeguardinghub.organisation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.safeguardinghub.organisation.districts.Area;

/** The add or rename an area form. */
public class AreaForm {

    @NotBlank(message = "Enter the area's name")
    @Size(max = 200, message = "Name must be 200 characters or fewer")
    private String name = "";

    private int version;

    static AreaForm of(Area a) {
        AreaForm f = new AreaForm();
        f.name = a.name();
        f.version = a.version();
        return f;
    }

    public String getName() {
        return name;
    }

    public void setName(String v) {
        name = v;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int v) {
        version = v;
    }
}
