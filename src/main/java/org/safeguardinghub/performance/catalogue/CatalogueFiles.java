package org.safeguardinghub.performance.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.performance.catalogue.CatalogueFile.IndicatorSpec;
import org.safeguardinghub.performance.catalogue.CatalogueFile.ItemSpec;
import org.safeguardinghub.performance.catalogue.CatalogueFile.RuleSpec;
import org.safeguardinghub.performance.catalogue.CatalogueFile.VersionSpec;
import org.safeguardinghub.platform.yaml.YamlFiles;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Reads and writes catalogue files. Reading checks everything and reports every problem with its path, e.g.
 * {@code indicators[3].numerator: unknown item code cpp_plans}, so a file is loaded whole or not at all.
 */
public final class CatalogueFiles {

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Set<String> OPERATORS = Set.of("<=", "<", ">=", ">", "=");
    private static final Set<String> KINDS = Set.of("COUNT", "SUM", "POPULATION");
    private static final String NOT_A_MAP = "file: expected a map with partnership, version, items, rules, indicators";
    private static final YAMLMapper WRITER = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    private CatalogueFiles() {}

    /** A file read: the catalogue when there are no problems, otherwise the problems (the file is then null). */
    public record Parsed(@Nullable CatalogueFile file, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty() && file != null;
        }
    }

    /**
     * Reads a catalogue file.
     *
     * @param knownItemCodes item codes that exist already (formulas and rules may use them as well as the file's)
     */
    public static Parsed parse(String text, Collection<String> knownItemCodes) {
        List<String> problems = new ArrayList<>();
        Object root;
        try {
            root = YamlFiles.read("catalogue file", text, Object.class);
        } catch (YamlFiles.InvalidFile e) {
            String problem = e.problems().get(0);
            if (problem.equals("file: empty")) {
                return new Parsed(null, List.of(NOT_A_MAP));
            }
            return new Parsed(
                    null, List.of("file: not valid YAML (" + problem.substring(problem.indexOf(": ") + 2) + ")"));
        }
        if (!(root instanceof Map<?, ?> map)) {
            return new Parsed(null, List.of(NOT_A_MAP));
        }
        Reader r = new Reader(problems);
        String partnership = r.text(map, "", "partnership", true);
        Integer version = r.integer(map, "", "version", true);
        String description = r.text(map, "", "description", false);

        Set<String> itemCodes = new HashSet<>(knownItemCodes);
        List<ItemSpec> items = items(r, map, itemCodes, problems);
        List<RuleSpec> rules = rules(r, map, itemCodes, problems);
        List<IndicatorSpec> indicators = indicators(r, map, itemCodes, problems);
        if (!problems.isEmpty() || partnership == null || version == null) {
            return new Parsed(null, List.copyOf(problems));
        }
        return new Parsed(
                new CatalogueFile(partnership, version, orEmpty(description), items, rules, indicators), List.of());
    }

    /** The items list; adds each item's code to {@code itemCodes}, valid or not, for the rules and indicators. */
    private static List<ItemSpec> items(Reader r, Map<?, ?> map, Set<String> itemCodes, List<String> problems) {
        List<ItemSpec> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Map<?, ?>> itemMaps = r.list(map, "", "items");
        for (int i = 0; i < itemMaps.size(); i++) {
            String p = "items[" + i + "].";
            Map<?, ?> m = itemMaps.get(i);
            String code = r.code(m, p, seen);
            String kind = r.text(m, p, "kind", false);
            kind = kind == null ? "COUNT" : kind.toUpperCase(Locale.ROOT);
            if (!KINDS.contains(kind)) {
                problems.add(p + "kind: must be COUNT, SUM or POPULATION, not " + kind);
            }
            PeriodType periodType = r.enumValue(m, p, "period_type", PeriodType.class, null);
            Frequency frequency = r.enumValue(m, p, "frequency", Frequency.class, Frequency.MONTHLY);
            Set<Breakdown> breakdowns = EnumSet.noneOf(Breakdown.class);
            for (String b : r.strings(m, p, "breakdowns")) {
                try {
                    breakdowns.add(Breakdown.valueOf(b.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    problems.add(p + "breakdowns: unknown breakdown " + b
                            + " (use DISTRICT, AGE_BAND, GENDER or ETHNICITY)");
                }
            }
            BigDecimal min = r.number(m, p, "min");
            BigDecimal max = r.number(m, p, "max");
            if (min != null && max != null && min.compareTo(max) > 0) {
                problems.add(p + "max: must not be less than min");
            }
            for (var bound : java.util.Map.of(
                            "min", java.util.Optional.ofNullable(min), "max", java.util.Optional.ofNullable(max))
                    .entrySet()) {
                BigDecimal v = bound.getValue().orElse(null);
                if (v != null && (v.compareTo(DataItem.FLOOR) < 0 || v.compareTo(DataItem.CEILING) > 0)) {
                    problems.add(p + bound.getKey() + ": must be between 0 and 999,999,999,999");
                }
            }
            String name = r.text(m, p, "name", true);
            if (code != null) {
                itemCodes.add(code);
            }
            if (code != null && name != null && periodType != null && frequency != null) {
                items.add(new ItemSpec(
                        code,
                        name,
                        orEmpty(r.text(m, p, "definition", false)),
                        kind,
                        periodType,
                        frequency,
                        r.text(m, p, "source_agency", false),
                        breakdowns,
                        r.bool(m, p, "required", true),
                        min,
                        max));
            }
        }
        return items;
    }

    private static List<RuleSpec> rules(Reader r, Map<?, ?> map, Set<String> itemCodes, List<String> problems) {
        List<RuleSpec> rules = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Map<?, ?>> ruleMaps = r.list(map, "", "rules");
        for (int i = 0; i < ruleMaps.size(); i++) {
            String p = "rules[" + i + "].";
            Map<?, ?> m = ruleMaps.get(i);
            String code = r.code(m, p, seen);
            String left = r.itemRef(m, p, "left", itemCodes);
            String right = r.itemRef(m, p, "right", itemCodes);
            String operator = r.text(m, p, "operator", true);
            if (operator != null && !OPERATORS.contains(operator)) {
                problems.add(p + "operator: must be one of <=, <, >=, >, = (not " + operator + ")");
            }
            String message = r.text(m, p, "message", true);
            if (code != null && left != null && right != null && operator != null && message != null) {
                rules.add(new RuleSpec(code, left, operator, right, message));
            }
        }
        return rules;
    }

    private static List<IndicatorSpec> indicators(
            Reader r, Map<?, ?> map, Set<String> itemCodes, List<String> problems) {
        List<IndicatorSpec> indicators = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Map<?, ?>> indicatorMaps = r.list(map, "", "indicators");
        for (int i = 0; i < indicatorMaps.size(); i++) {
            String p = "indicators[" + i + "].";
            Map<?, ?> m = indicatorMaps.get(i);
            String code = r.code(m, p, seen);
            String name = r.text(m, p, "name", true);
            VersionSpec current = r.version(m, p, itemCodes);
            List<VersionSpec> older = new ArrayList<>();
            List<Map<?, ?>> versionMaps = r.list(m, p, "versions");
            for (int v = 0; v < versionMaps.size(); v++) {
                VersionSpec spec = r.version(versionMaps.get(v), p + "versions[" + v + "].", itemCodes);
                if (spec != null) {
                    older.add(spec);
                }
            }
            older.sort(java.util.Comparator.comparing(VersionSpec::effectiveFrom));
            if (current != null
                    && !older.isEmpty()
                    && !older.get(older.size() - 1).effectiveFrom().isBefore(current.effectiveFrom())) {
                problems.add(p + "versions: every older version must take effect before effective_from "
                        + current.effectiveFrom());
            }
            if (code != null && name != null && current != null) {
                indicators.add(new IndicatorSpec(code, name, current, List.copyOf(older)));
            }
        }
        return indicators;
    }

    /** Writes a catalogue in the file format (what {@link #parse} reads back). */
    public static String write(CatalogueFile file, String headerComment) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("partnership", file.partnership());
        root.put("version", file.version());
        root.put("description", file.description());
        List<Object> items = new ArrayList<>();
        for (ItemSpec i : file.items()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", i.code());
            m.put("name", i.name());
            m.put("definition", i.definition());
            m.put("kind", i.kind());
            m.put("period_type", i.periodType().name());
            m.put("frequency", i.frequency().name());
            putIf(m, "source_agency", i.sourceAgency());
            if (!i.breakdowns().isEmpty()) {
                m.put("breakdowns", i.breakdowns().stream().map(Enum::name).toList());
            }
            m.put("required", i.required());
            putIf(m, "min", i.min());
            putIf(m, "max", i.max());
            items.add(m);
        }
        root.put("items", items);
        List<Object> rules = new ArrayList<>();
        for (RuleSpec rule : file.rules()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", rule.code());
            m.put("left", rule.left());
            m.put("operator", rule.operator());
            m.put("right", rule.right());
            m.put("message", rule.message());
            rules.add(m);
        }
        root.put("rules", rules);
        List<Object> indicators = new ArrayList<>();
        for (IndicatorSpec ind : file.indicators()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", ind.code());
            m.put("name", ind.name());
            m.putAll(version(ind.current()));
            if (!ind.older().isEmpty()) {
                m.put(
                        "versions",
                        ind.older().stream().map(CatalogueFiles::version).toList());
            }
            indicators.add(m);
        }
        root.put("indicators", indicators);
        StringBuilder out = new StringBuilder();
        headerComment.lines().forEach(line -> out.append("# ").append(line).append('\n'));
        out.append(WRITER.writeValueAsString(root));
        return out.toString();
    }

    private static Map<String, Object> version(VersionSpec v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("numerator", v.numerator());
        putIf(m, "numerator_description", blankToNull(v.numeratorDescription()));
        putIf(m, "denominator", blankToNull(v.denominator()));
        putIf(m, "denominator_description", blankToNull(v.denominatorDescription()));
        m.put("factor", v.factor().name());
        m.put("aggregation", v.aggregation().name());
        m.put("decimals", v.decimals());
        m.put("polarity", v.polarity().name());
        putIf(m, "target", v.target());
        putIf(m, "green_from", v.greenFrom());
        putIf(m, "red_from", v.redFrom());
        Map<String, Object> benchmarks = new LinkedHashMap<>();
        putIf(benchmarks, "england", v.benchmarkEngland());
        putIf(benchmarks, "region", v.benchmarkRegion());
        putIf(benchmarks, "neighbours", v.benchmarkNeighbours());
        if (!benchmarks.isEmpty()) {
            m.put("benchmarks", benchmarks);
        }
        if (!v.priorities().isEmpty()) {
            m.put("priorities", v.priorities());
        }
        putIf(m, "owner_group", blankToNull(v.ownerGroup()));
        m.put("methodology", v.methodology());
        m.put("effective_from", v.effectiveFrom().toString());
        putIf(m, "reason", blankToNull(v.reason()));
        return m;
    }

    private static void putIf(Map<String, Object> m, String key, @Nullable Object value) {
        if (value != null) {
            m.put(key, value instanceof BigDecimal b ? toYamlNumber(b) : value);
        }
    }

    private static Object toYamlNumber(BigDecimal b) {
        BigDecimal s = b.stripTrailingZeros();
        if (s.scale() <= 0) {
            return s.toBigInteger();
        }
        return s.doubleValue();
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }

    /** Reads fields of maps, adding a problem with the field's path for every one it cannot read. */
    private record Reader(List<String> problems) {

        @Nullable
        String text(Map<?, ?> m, String path, String key, boolean required) {
            Object v = m.get(key);
            if (v == null || v.toString().isBlank()) {
                if (required) {
                    problems.add(path + key + ": required");
                }
                return null;
            }
            if (v instanceof Map || v instanceof List) {
                problems.add(path + key + ": must be text");
                return null;
            }
            return v.toString().trim();
        }

        @Nullable
        String code(Map<?, ?> m, String path, Set<String> seen) {
            String code = text(m, path, "code", true);
            if (code == null) {
                return null;
            }
            if (!CODE.matcher(code).matches()) {
                problems.add(path + "code: " + code
                        + " is not a code (lower case letters, digits and underscores, starting with a letter)");
                return null;
            }
            if (!seen.add(code)) {
                problems.add(path + "code: " + code + " appears more than once");
                return null;
            }
            return code;
        }

        @Nullable
        String itemRef(Map<?, ?> m, String path, String key, Set<String> itemCodes) {
            String code = text(m, path, key, true);
            if (code != null && !itemCodes.contains(code)) {
                problems.add(path + key + ": unknown item code " + code);
                return null;
            }
            return code;
        }

        @Nullable
        Integer integer(Map<?, ?> m, String path, String key, boolean required) {
            Object v = m.get(key);
            if (v == null) {
                if (required) {
                    problems.add(path + key + ": required");
                }
                return null;
            }
            if (v instanceof Integer i) {
                return i;
            }
            problems.add(path + key + ": must be a whole number, not " + v);
            return null;
        }

        @Nullable
        BigDecimal number(Map<?, ?> m, String path, String key) {
            Object v = m.get(key);
            if (v == null || v.toString().isBlank()) {
                return null;
            }
            try {
                return new BigDecimal(v.toString().trim());
            } catch (NumberFormatException e) {
                problems.add(path + key + ": must be a number, not " + v);
                return null;
            }
        }

        boolean bool(Map<?, ?> m, String path, String key, boolean otherwise) {
            Object v = m.get(key);
            if (v == null) {
                return otherwise;
            }
            if (v instanceof Boolean b) {
                return b;
            }
            problems.add(path + key + ": must be true or false");
            return otherwise;
        }

        <E extends Enum<E>> @Nullable E enumValue(
                Map<?, ?> m, String path, String key, Class<E> type, @Nullable E otherwise) {
            String v = text(m, path, key, otherwise == null);
            if (v == null) {
                return otherwise;
            }
            try {
                return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(path + key + ": must be one of "
                        + String.join(
                                ", ",
                                java.util.Arrays.stream(type.getEnumConstants())
                                        .map(Enum::name)
                                        .toList())
                        + " (not " + v + ")");
                return null;
            }
        }

        List<String> strings(Map<?, ?> m, String path, String key) {
            Object v = m.get(key);
            if (v == null) {
                return List.of();
            }
            if (!(v instanceof List<?> list)) {
                problems.add(path + key + ": must be a list");
                return List.of();
            }
            return list.stream().map(String::valueOf).map(String::trim).toList();
        }

        List<Map<?, ?>> list(Map<?, ?> m, String path, String key) {
            Object v = m.get(key);
            if (v == null) {
                return List.of();
            }
            if (!(v instanceof List<?> list)) {
                problems.add(path + key + ": must be a list");
                return List.of();
            }
            List<Map<?, ?>> maps = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof Map<?, ?> entry) {
                    maps.add(entry);
                } else {
                    problems.add(path + key + "[" + i + "]: must be a map of fields");
                    maps.add(Map.of());
                }
            }
            return maps;
        }

        @Nullable
        VersionSpec version(Map<?, ?> m, String p, Set<String> itemCodes) {
            int before = problems.size();
            String numerator = formula(m, p, "numerator", itemCodes, true);
            String denominator = formula(m, p, "denominator", itemCodes, false);
            Factor factor = enumValue(m, p, "factor", Factor.class, Factor.COUNT);
            Aggregation aggregation = enumValue(m, p, "aggregation", Aggregation.class, Aggregation.LATEST);
            Integer decimals = integer(m, p, "decimals", false);
            if (decimals != null && (decimals < 0 || decimals > 4)) {
                problems.add(p + "decimals: must be between 0 and 4");
            }
            Polarity polarity = enumValue(m, p, "polarity", Polarity.class, Polarity.NEITHER);
            if (factor != null
                    && factor.needsDenominator()
                    && denominator == null
                    && !problems.contains(p + "denominator: required")) {
                problems.add(p + "denominator: required for " + factor.name() + " (only a COUNT has none)");
            }
            Map<?, ?> benchmarks = Map.of();
            Object b = m.get("benchmarks");
            if (b instanceof Map<?, ?> bm) {
                benchmarks = bm;
            } else if (b != null) {
                problems.add(p + "benchmarks: must be a map of england, region, neighbours");
            }
            String effective = text(m, p, "effective_from", true);
            LocalDate effectiveFrom = null;
            if (effective != null) {
                try {
                    effectiveFrom = LocalDate.parse(effective);
                } catch (DateTimeParseException e) {
                    problems.add(p + "effective_from: must be a date like 2024-04-01, not " + effective);
                }
            }
            if (problems.size() > before || numerator == null || effectiveFrom == null) {
                return null;
            }
            return new VersionSpec(
                    numerator,
                    orEmpty(text(m, p, "numerator_description", false)),
                    denominator,
                    orEmpty(text(m, p, "denominator_description", false)),
                    factor,
                    aggregation,
                    decimals == null ? 1 : decimals,
                    polarity,
                    number(m, p, "target"),
                    number(m, p, "green_from"),
                    number(m, p, "red_from"),
                    number(benchmarks, p + "benchmarks.", "england"),
                    number(benchmarks, p + "benchmarks.", "region"),
                    number(benchmarks, p + "benchmarks.", "neighbours"),
                    strings(m, p, "priorities"),
                    text(m, p, "owner_group", false),
                    orEmpty(text(m, p, "methodology", false)),
                    effectiveFrom,
                    text(m, p, "reason", false));
        }

        private @Nullable String formula(Map<?, ?> m, String p, String key, Set<String> itemCodes, boolean required) {
            String text = text(m, p, key, required);
            if (text == null) {
                return null;
            }
            try {
                Formula f = Formula.parse(text);
                for (String code : f.codes()) {
                    if (!itemCodes.contains(code)) {
                        problems.add(p + key + ": unknown item code " + code);
                    }
                }
                return f.text();
            } catch (IllegalArgumentException e) {
                problems.add(p + key + ": " + e.getMessage());
                return null;
            }
        }
    }
}
