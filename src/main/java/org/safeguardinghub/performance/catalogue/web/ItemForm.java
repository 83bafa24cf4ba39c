package org.safeguardinghub.performance.catalogue.web;

import java.util.ArrayList;
import java.util.List;
import org.safeguardinghub.performance.catalogue.DataItem;

/** The data item form (binding bean). */
public class ItemForm {

    private String code = "";
    private String name = "";
    private String definition = "";
    private String kind = "COUNT";
    private String periodType = "MONTHLY";
    private String frequency = "MONTHLY";
    private String sourceAgencyId = "";
    private List<String> breakdowns = new ArrayList<>();
    private String required = "true";
    private String min = "";
    private String max = "";
    private int version;

    static ItemForm of(DataItem i) {
        ItemForm f = new ItemForm();
        f.code = i.code();
        f.name = i.name();
        f.definition = i.definition();
        f.kind = i.valueKind();
        f.periodType = i.periodType().name();
        f.frequency = i.frequency().name();
        f.sourceAgencyId = i.sourceAgencyId() == null ? "" : String.valueOf(i.sourceAgencyId());
        f.breakdowns = new ArrayList<>(i.breakdowns().stream().map(Enum::name).toList());
        f.required = String.valueOf(i.required());
        f.min = i.minValue() == null ? "" : i.minValue().stripTrailingZeros().toPlainString();
        f.max = i.maxValue() == null ? "" : i.maxValue().stripTrailingZeros().toPlainString();
        f.version = i.version();
        return f;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code == null ? "" : code.trim();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name.trim();
    }

    public String getDefinition() {
        return definition;
    }

    public void setDefinition(String definition) {
        this.definition = definition == null ? "" : definition.trim();
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind == null ? "" : kind;
    }

    public String getPeriodType() {
        return periodType;
    }

    public void setPeriodType(String periodType) {
        this.periodType = periodType == null ? "" : periodType;
    }

    public String getFrequency() {
        return frequency;
    }

    public void setFrequency(String frequency) {
        this.frequency = frequency == null ? "" : frequency;
    }

    public String getSourceAgencyId() {
        return sourceAgencyId;
    }

    public void setSourceAgencyId(String sourceAgencyId) {
        this.sourceAgencyId = sourceAgencyId == null ? "" : sourceAgencyId;
    }

    public List<String> getBreakdowns() {
        return breakdowns;
    }

    public void setBreakdowns(List<String> breakdowns) {
        this.breakdowns = breakdowns == null ? new ArrayList<>() : breakdowns;
    }

    public String getRequired() {
        return required;
    }

    public void setRequired(String required) {
        this.required = required == null ? "" : required;
    }

    public String getMin() {
        return min;
    }

    public void setMin(String min) {
        this.min = min == null ? "" : min.trim();
    }

    public String getMax() {
        return max;
    }

    public void setMax(String max) {
        this.max = max == null ? "" : max.trim();
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
