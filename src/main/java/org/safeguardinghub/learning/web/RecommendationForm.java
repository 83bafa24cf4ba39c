package org.safeguardinghub.learning.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.learning.LearningTheme;
import org.safeguardinghub.learning.tracker.RecommendationDetail;
import org.safeguardinghub.platform.web.DateInput;

/** The add or change a recommendation form. */
public class RecommendationForm {

    private String source = "";

    private @Nullable Long sourceId;

    @Size(max = 300, message = "Source title must be 300 characters or fewer")
    private String sourceTitle = "";

    @NotBlank(message = "Enter the recommendation")
    @Size(max = 4000, message = "Recommendation must be 4,000 characters or fewer")
    private String text = "";

    private List<Long> themeIds = new ArrayList<>();

    private @Nullable Long owningGroupId;

    private DateInput agreedOn = new DateInput();

    private DateInput consideredOn = new DateInput();

    private int version;

    static RecommendationForm of(RecommendationDetail r) {
        RecommendationForm f = new RecommendationForm();
        f.source = r.source().name();
        f.sourceId = r.sourceId();
        f.sourceTitle = r.sourceTitle();
        f.text = r.text();
        f.themeIds = new ArrayList<>(r.themes().stream().map(LearningTheme::id).toList());
        f.owningGroupId = r.owningGroupId();
        f.agreedOn = DateInput.of(r.agreedOn());
        f.consideredOn = DateInput.of(r.consideredOn());
        f.version = r.version();
        return f;
    }

    public String getSource() {
        return source;
    }

    public void setSource(@Nullable String v) {
        source = v == null ? "" : v;
    }

    public @Nullable Long getSourceId() {
        return sourceId;
    }

    public void setSourceId(@Nullable Long v) {
        sourceId = v;
    }

    public String getSourceTitle() {
        return sourceTitle;
    }

    public void setSourceTitle(@Nullable String v) {
        sourceTitle = v == null ? "" : v;
    }

    public String getText() {
        return text;
    }

    public void setText(@Nullable String v) {
        text = v == null ? "" : v;
    }

    public List<Long> getThemeIds() {
        return themeIds;
    }

    public void setThemeIds(@Nullable List<Long> v) {
        themeIds = v == null ? new ArrayList<>() : v;
    }

    public @Nullable Long getOwningGroupId() {
        return owningGroupId;
    }

    public void setOwningGroupId(@Nullable Long v) {
        owningGroupId = v;
    }

    public DateInput getAgreedOn() {
        return agreedOn;
    }

    public void setAgreedOn(DateInput v) {
        agreedOn = v;
    }

    public DateInput getConsideredOn() {
        return consideredOn;
    }

    public void setConsideredOn(DateInput v) {
        consideredOn = v;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int v) {
        version = v;
    }
}
