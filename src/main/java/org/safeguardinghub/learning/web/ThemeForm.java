package org.safeguardinghub.learning.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.learning.tracker.ThemeRecord;

/** The add or change a learning theme form. */
public class ThemeForm {

    @NotBlank(message = "Enter the theme's name")
    @Size(max = 100, message = "Name must be 100 characters or fewer")
    private String name = "";

    @Size(max = 1000, message = "Description must be 1,000 characters or fewer")
    private String description = "";

    private int version;

    static ThemeForm of(ThemeRecord t) {
        ThemeForm f = new ThemeForm();
        f.name = t.name();
        f.description = t.description() == null ? "" : t.description();
        f.version = t.version();
        return f;
    }

    public String getName() {
        return name;
    }

    public void setName(@Nullable String v) {
        name = v == null ? "" : v;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(@Nullable String v) {
        description = v == null ? "" : v;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int v) {
        version = v;
    }
}
