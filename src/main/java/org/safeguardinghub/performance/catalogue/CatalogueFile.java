package org.safeguardinghub.performance.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A catalogue file as read from YAML (see the format guide at the top of
 * {@code src/main/resources/performance/catalogue/kent.yml}): the partnership's items, rules and indicators, each
 * indicator with its current definition and optional older ones.
 */
public record CatalogueFile(
        String partnership,
        int version,
        String description,
        List<ItemSpec> items,
        List<RuleSpec> rules,
        List<IndicatorSpec> indicators) {

    public record ItemSpec(
            String code,
            String name,
            String definition,
            String kind,
            PeriodType periodType,
            Frequency frequency,
            @Nullable String sourceAgency,
            Set<Breakdown> breakdowns,
            boolean required,
            @Nullable BigDecimal min,
            @Nullable BigDecimal max) {}

    public record RuleSpec(String code, String left, String operator, String right, String message) {}

    /** One definition of an indicator; {@code reason} explains why it replaced the one before. */
    public record VersionSpec(
            String numerator,
            String numeratorDescription,
            @Nullable String denominator,
            String denominatorDescription,
            Factor factor,
            Aggregation aggregation,
            int decimals,
            Polarity polarity,
            @Nullable BigDecimal target,
            @Nullable BigDecimal greenFrom,
            @Nullable BigDecimal redFrom,
            @Nullable BigDecimal benchmarkEngland,
            @Nullable BigDecimal benchmarkRegion,
            @Nullable BigDecimal benchmarkNeighbours,
            List<String> priorities,
            @Nullable String ownerGroup,
            String methodology,
            LocalDate effectiveFrom,
            @Nullable String reason) {

        /** Whether the calculation differs (numerator, denominator, factor or aggregation): a methodology break. */
        public boolean formulaDiffers(VersionSpec other) {
            return !normal(numerator).equals(normal(other.numerator))
                    || !normal(denominator).equals(normal(other.denominator))
                    || factor != other.factor
                    || aggregation != other.aggregation;
        }

        /** Whether anything but the effective date and reason differs. */
        public boolean definitionDiffers(VersionSpec other) {
            return formulaDiffers(other)
                    || decimals != other.decimals
                    || polarity != other.polarity
                    || !same(target, other.target)
                    || !same(greenFrom, other.greenFrom)
                    || !same(redFrom, other.redFrom)
                    || !same(benchmarkEngland, other.benchmarkEngland)
                    || !same(benchmarkRegion, other.benchmarkRegion)
                    || !same(benchmarkNeighbours, other.benchmarkNeighbours)
                    || !priorities.equals(other.priorities)
                    || !normal(ownerGroup).equals(normal(other.ownerGroup))
                    || !normal(methodology).equals(normal(other.methodology))
                    || !normal(numeratorDescription).equals(normal(other.numeratorDescription))
                    || !normal(denominatorDescription).equals(normal(other.denominatorDescription));
        }

        /** The definition of one stored version, without a reason. */
        public static VersionSpec ofDefinition(IndicatorDefinition d) {
            return of(d, null);
        }

        static VersionSpec of(IndicatorDefinition d, @Nullable String reason) {
            return new VersionSpec(
                    d.numerator(),
                    d.numeratorDescription(),
                    d.denominator(),
                    d.denominatorDescription(),
                    d.factor(),
                    d.aggregation(),
                    d.decimals(),
                    d.polarity(),
                    d.target(),
                    d.greenFrom(),
                    d.redFrom(),
                    d.benchmarkEngland(),
                    d.benchmarkRegion(),
                    d.benchmarkNeighbours(),
                    d.priorities(),
                    d.ownerGroup(),
                    d.methodology(),
                    d.effectiveFrom(),
                    reason);
        }

        private static String normal(@Nullable String s) {
            return s == null ? "" : s.trim().replaceAll("\\s+", " ");
        }

        private static boolean same(@Nullable BigDecimal a, @Nullable BigDecimal b) {
            return a == null ? b == null : b != null && a.compareTo(b) == 0;
        }
    }

    /** An indicator: its current definition and older ones (oldest first), used only when it is new to the hub. */
    public record IndicatorSpec(String code, String name, VersionSpec current, List<VersionSpec> older) {}
}
