package org.safeguardinghub.performance.catalogue.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.performance.catalogue.IndicatorDefinition;

/** The indicator form (binding bean): the definition, and the date and reason of a change. */
public class IndicatorForm {

    private String code = "";
    private String name = "";
    private String numerator = "";
    private String numeratorDescription = "";
    private String denominator = "";
    private String denominatorDescription = "";
    private String factor = "COUNT";
    private String aggregation = "LATEST";
    private String decimals = "1";
    private String polarity = "NEITHER";
    private String target = "";
    private String greenFrom = "";
    private String redFrom = "";
    private String benchmarkEngland = "";
    private String benchmarkRegion = "";
    private String benchmarkNeighbours = "";
    private List<String> priorities = new ArrayList<>();
    private String ownerGroup = "";
    private String methodology = "";
    private String effectiveFrom = "";
    private String reason = "";
    private int version;

    static IndicatorForm of(IndicatorDefinition d, int rowVersion) {
        IndicatorForm f = new IndicatorForm();
        f.code = d.code();
        f.name = d.name();
        f.numerator = d.numerator();
        f.numeratorDescription = d.numeratorDescription();
        f.denominator = d.denominator() == null ? "" : d.denominator();
        f.denominatorDescription = d.denominatorDescription();
        f.factor = d.factor().name();
        f.aggregation = d.aggregation().name();
        f.decimals = String.valueOf(d.decimals());
        f.polarity = d.polarity().name();
        f.target = text(d.target());
        f.greenFrom = text(d.greenFrom());
        f.redFrom = text(d.redFrom());
        f.benchmarkEngland = text(d.benchmarkEngland());
        f.benchmarkRegion = text(d.benchmarkRegion());
        f.benchmarkNeighbours = text(d.benchmarkNeighbours());
        f.priorities = new ArrayList<>(d.priorities());
        f.ownerGroup = d.ownerGroup() == null ? "" : d.ownerGroup();
        f.methodology = d.methodology();
        f.version = rowVersion;
        return f;
    }

    private static String text(@Nullable BigDecimal b) {
        return b == null ? "" : b.stripTrailingZeros().toPlainString();
    }

    private static String trim(@Nullable String s) {
        return s == null ? "" : s.trim();
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = trim(code);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = trim(name);
    }

    public String getNumerator() {
        return numerator;
    }

    public void setNumerator(String numerator) {
        this.numerator = trim(numerator);
    }

    public String getNumeratorDescription() {
        return numeratorDescription;
    }

    public void setNumeratorDescription(String numeratorDescription) {
        this.numeratorDescription = trim(numeratorDescription);
    }

    public String getDenominator() {
        return denominator;
    }

    public void setDenominator(String denominator) {
        this.denominator = trim(denominator);
    }

    public String getDenominatorDescription() {
        return denominatorDescription;
    }

    public void setDenominatorDescription(String denominatorDescription) {
        this.denominatorDescription = trim(denominatorDescription);
    }

    public String getFactor() {
        return factor;
    }

    public void setFactor(String factor) {
        this.factor = trim(factor);
    }

    public String getAggregation() {
        return aggregation;
    }

    public void setAggregation(String aggregation) {
        this.aggregation = trim(aggregation);
    }

    public String getDecimals() {
        return decimals;
    }

    public void setDecimals(String decimals) {
        this.decimals = trim(decimals);
    }

    public String getPolarity() {
        return polarity;
    }

    public void setPolarity(String polarity) {
        this.polarity = trim(polarity);
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = trim(target);
    }

    public String getGreenFrom() {
        return greenFrom;
    }

    public void setGreenFrom(String greenFrom) {
        this.greenFrom = trim(greenFrom);
    }

    public String getRedFrom() {
        return redFrom;
    }

    public void setRedFrom(String redFrom) {
        this.redFrom = trim(redFrom);
    }

    public String getBenchmarkEngland() {
        return benchmarkEngland;
    }

    public void setBenchmarkEngland(String benchmarkEngland) {
        this.benchmarkEngland = trim(benchmarkEngland);
    }

    public String getBenchmarkRegion() {
        return benchmarkRegion;
    }

    public void setBenchmarkRegion(String benchmarkRegion) {
        this.benchmarkRegion = trim(benchmarkRegion);
    }

    public String getBenchmarkNeighbours() {
        return benchmarkNeighbours;
    }

    public void setBenchmarkNeighbours(String benchmarkNeighbours) {
        this.benchmarkNeighbours = trim(benchmarkNeighbours);
    }

    public List<String> getPriorities() {
        return priorities;
    }

    public void setPriorities(List<String> priorities) {
        this.priorities = priorities == null ? new ArrayList<>() : priorities;
    }

    public String getOwnerGroup() {
        return ownerGroup;
    }

    public void setOwnerGroup(String ownerGroup) {
        this.ownerGroup = trim(ownerGroup);
    }

    public String getMethodology() {
        return methodology;
    }

    public void setMethodology(String methodology) {
        this.methodology = trim(methodology);
    }

    public String getEffectiveFrom() {
        return effectiveFrom;
    }

    public void setEffectiveFrom(String effectiveFrom) {
        this.effectiveFrom = trim(effectiveFrom);
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = trim(reason);
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
