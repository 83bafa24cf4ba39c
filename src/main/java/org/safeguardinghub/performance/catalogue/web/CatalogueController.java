package org.safeguardinghub.performance.catalogue.web;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.imports.NumberRule;
import org.safeguardinghub.organisation.AgencySummary;
import org.safeguardinghub.organisation.Organisation;
import org.safeguardinghub.performance.catalogue.Aggregation;
import org.safeguardinghub.performance.catalogue.Breakdown;
import org.safeguardinghub.performance.catalogue.Catalogue;
import org.safeguardinghub.performance.catalogue.CatalogueAdministration;
import org.safeguardinghub.performance.catalogue.CatalogueFile.IndicatorSpec;
import org.safeguardinghub.performance.catalogue.CatalogueFile.ItemSpec;
import org.safeguardinghub.performance.catalogue.CatalogueFile.VersionSpec;
import org.safeguardinghub.performance.catalogue.DataItem;
import org.safeguardinghub.performance.catalogue.Factor;
import org.safeguardinghub.performance.catalogue.Formula;
import org.safeguardinghub.performance.catalogue.Frequency;
import org.safeguardinghub.performance.catalogue.IndicatorDefinition;
import org.safeguardinghub.performance.catalogue.PeriodType;
import org.safeguardinghub.performance.catalogue.Polarity;
import org.safeguardinghub.performance.compute.IndicatorCalculator;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.Forms;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.platform.web.Option;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The catalogue administration's forms: adding and changing items and indicators (an indicator's versions and
 * methodology breaks) and recomputing history. Reading the catalogue is {@link CatalogueBrowseController}; export
 * and import of the catalogue file, {@link CatalogueFileController}.
 * Anyone who reads reports or submits returns may read definitions; only the business team changes them (route
 * rules in the security configuration).
 */
@Controller
@RequestMapping("/performance/catalogue")
class CatalogueController {

    static final List<String> PRIORITIES = List.of(
            "Mental health of children and young people",
            "Impact of parent mental health",
            "Effective multi-agency working",
            "Online safety");

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final String FORM = "form";

    private final Catalogue catalogue;
    private final CatalogueAdministration administration;
    private final IndicatorCalculator calculator;
    private final Organisation organisation;
    private final AuditTrail audit;

    CatalogueController(
            Catalogue catalogue,
            CatalogueAdministration administration,
            IndicatorCalculator calculator,
            Organisation organisation,
            AuditTrail audit) {
        this.catalogue = catalogue;
        this.administration = administration;
        this.calculator = calculator;
        this.organisation = organisation;
        this.audit = audit;
    }

    /** A new item's or indicator's code: the catalogue's code shape, and not already used in the partnership. */
    private static void checkNewCode(
            BindingResult errors, String code, String what, java.util.function.Predicate<String> taken) {
        if (!CODE.matcher(code).matches()) {
            errors.rejectValue(
                    "code",
                    "invalid",
                    "Enter a code of lower case letters, digits and underscores, starting with a letter");
        } else if (taken.test(code)) {
            errors.rejectValue("code", "taken", "There is already " + what + " with the code " + code);
        }
    }

    // ---- items ----

    @GetMapping("/new-item")
    String newItem(Model model) {
        model.addAttribute(FORM, new ItemForm());
        return itemForm(model, null);
    }

    @PostMapping("/items")
    String createItem(
            @ModelAttribute(FORM) ItemForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        long p = partnership();
        checkNewCode(
                errors,
                form.getCode(),
                "an item",
                code -> catalogue.item(p, code).isPresent());
        Optional<ItemSpec> spec = itemSpec(p, form, errors);
        if (errors.hasErrors() || spec.isEmpty()) {
            Forms.invalid(response);
            return itemForm(model, null);
        }
        try {
            administration.createItem(p, spec.get(), agencyId(form));
        } catch (DuplicateKeyException e) {
            errors.rejectValue("code", "taken", "There is already an item with the code " + form.getCode());
            Forms.invalid(response);
            return itemForm(model, null);
        }
        flash.addFlashAttribute("flash", "Data item added");
        return "redirect:/performance/catalogue/items/" + form.getCode();
    }

    @GetMapping("/items/{code}/edit")
    String editItem(@PathVariable String code, Model model) {
        DataItem item = findItem(partnership(), code);
        model.addAttribute(FORM, ItemForm.of(item));
        return itemForm(model, item);
    }

    @PostMapping("/items/{code}")
    String updateItem(
            @PathVariable String code,
            @ModelAttribute(FORM) ItemForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        long p = partnership();
        DataItem item = findItem(p, code);
        form.setCode(code);
        Optional<ItemSpec> spec = itemSpec(p, form, errors);
        if (errors.hasErrors() || spec.isEmpty()) {
            Forms.invalid(response);
            return itemForm(model, item);
        }
        try {
            administration.changeItem(p, code, form.getVersion(), spec.get(), agencyId(form));
        } catch (ConcurrentEditException e) {
            DataItem current = findItem(p, code);
            Forms.conflict(model, FORM, ItemForm.of(current), e.getMessage(), response);
            return itemForm(model, current);
        }
        flash.addFlashAttribute("flash", "Data item updated");
        return "redirect:/performance/catalogue/items/" + code;
    }

    private Optional<ItemSpec> itemSpec(long p, ItemForm form, BindingResult errors) {
        if (form.getName().isBlank()) {
            errors.rejectValue("name", "required", "Enter a name");
        }
        String kind = form.getKind();
        if (!Set.of("COUNT", "SUM", "POPULATION").contains(kind)) {
            errors.rejectValue("kind", "required", "Select what kind of figure it is");
        }
        PeriodType periodType = parse(PeriodType.class, form.getPeriodType());
        if (periodType == null) {
            errors.rejectValue("periodType", "required", "Select what one value means");
        }
        Frequency frequency = parse(Frequency.class, form.getFrequency());
        if (frequency == null) {
            errors.rejectValue("frequency", "required", "Select how often it is returned");
        }
        Long agencyId = agencyId(form);
        String agencyName = null;
        if (!form.getSourceAgencyId().isBlank()) {
            agencyName = agencies(p).stream()
                    .filter(a -> agencyId != null && a.id() == agencyId)
                    .map(AgencySummary::name)
                    .findFirst()
                    .orElse(null);
            if (agencyName == null) {
                errors.rejectValue("sourceAgencyId", "invalid", "Select an agency from the list");
            }
        }
        Set<Breakdown> breakdowns = EnumSet.noneOf(Breakdown.class);
        for (String b : form.getBreakdowns()) {
            Breakdown parsed = parse(Breakdown.class, b);
            if (parsed == null) {
                errors.rejectValue("breakdowns", "invalid", "Select breakdowns from the list");
            } else {
                breakdowns.add(parsed);
            }
        }
        BigDecimal min = number(form.getMin(), "min", "Minimum", errors);
        BigDecimal max = number(form.getMax(), "max", "Maximum", errors);
        if (min != null && max != null && min.compareTo(max) > 0) {
            errors.rejectValue("max", "order", "Maximum must not be less than the minimum");
        }
        // every item's declared range lies within the Hub's: no figure too large to add up, chart or show back
        if (min != null && (min.compareTo(DataItem.FLOOR) < 0 || min.compareTo(DataItem.CEILING) > 0)) {
            errors.rejectValue("min", "range", "Minimum must be between 0 and 999,999,999,999");
        }
        if (max != null && (max.compareTo(DataItem.FLOOR) < 0 || max.compareTo(DataItem.CEILING) > 0)) {
            errors.rejectValue("max", "range", "Maximum must be between 0 and 999,999,999,999");
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new ItemSpec(
                form.getCode(),
                form.getName(),
                form.getDefinition(),
                kind,
                periodType,
                frequency,
                agencyName,
                breakdowns,
                !"false".equals(form.getRequired()),
                min,
                max));
    }

    private static @Nullable Long agencyId(ItemForm form) {
        try {
            return form.getSourceAgencyId().isBlank() ? null : Long.valueOf(form.getSourceAgencyId());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    private String itemForm(Model model, @Nullable DataItem item) {
        model.addAttribute("item", item);
        model.addAttribute("title", item == null ? "Add a data item" : "Change " + item.name());
        model.addAttribute(
                "kindOptions",
                List.of(Option.of("COUNT", "Count"), Option.of("SUM", "Sum"), Option.of("POPULATION", "Population")));
        model.addAttribute(
                "periodTypeOptions",
                Arrays.stream(PeriodType.values())
                        .map(t -> Option.of(t.name(), t.label()))
                        .toList());
        model.addAttribute(
                "frequencyOptions",
                Arrays.stream(Frequency.values())
                        .map(t -> Option.of(t.name(), t.label()))
                        .toList());
        model.addAttribute(
                "breakdownOptions",
                Arrays.stream(Breakdown.values())
                        .map(t -> Option.of(t.name(), t.label()))
                        .toList());
        model.addAttribute(
                "requiredOptions",
                List.of(Option.of("true", "Yes, every return must have it"), Option.of("false", "No, it is optional")));
        model.addAttribute(
                "agencyOptions",
                agencies(partnership()).stream()
                        .map(a -> Option.of(a.id(), a.name()))
                        .toList());
        return "performance/catalogue/item-form";
    }

    // ---- indicators ----

    @GetMapping("/new-indicator")
    String newIndicator(Model model) {
        model.addAttribute(FORM, new IndicatorForm());
        return indicatorForm(model, null);
    }

    @PostMapping("/indicators")
    String createIndicator(
            @ModelAttribute(FORM) IndicatorForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        long p = partnership();
        checkNewCode(
                errors,
                form.getCode(),
                "an indicator",
                code -> catalogue.indicator(p, code).isPresent());
        if (form.getEffectiveFrom().isBlank()) {
            errors.rejectValue("effectiveFrom", "required", "Enter the date the indicator applies from");
        }
        Optional<VersionSpec> spec = versionSpec(p, form, errors, null);
        if (errors.hasErrors() || spec.isEmpty()) {
            Forms.invalid(response);
            return indicatorForm(model, null);
        }
        int order = catalogue.indicators(p).stream()
                        .mapToInt(IndicatorDefinition::sortOrder)
                        .max()
                        .orElse(0)
                + 1;
        try {
            administration.createIndicator(
                    p, new IndicatorSpec(form.getCode(), form.getName(), spec.get(), List.of()), order, actorName());
        } catch (DuplicateKeyException e) {
            errors.rejectValue("code", "taken", "There is already an indicator with the code " + form.getCode());
            Forms.invalid(response);
            return indicatorForm(model, null);
        }
        calculator.recomputeIndicator(p, form.getCode());
        flash.addFlashAttribute("flash", "Indicator added");
        return "redirect:/performance/catalogue/indicators/" + form.getCode();
    }

    @GetMapping("/indicators/{code}/edit")
    String editIndicator(@PathVariable String code, Model model) {
        IndicatorDefinition d = findIndicator(partnership(), code);
        model.addAttribute(FORM, IndicatorForm.of(d, administration.rowVersion(d.indicatorId())));
        return indicatorForm(model, d);
    }

    @PostMapping("/indicators/{code}")
    String updateIndicator(
            @PathVariable String code,
            @ModelAttribute(FORM) IndicatorForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        long p = partnership();
        IndicatorDefinition d = findIndicator(p, code);
        form.setCode(code);
        Optional<VersionSpec> spec = versionSpec(p, form, errors, d);
        if (errors.hasErrors() || spec.isEmpty()) {
            Forms.invalid(response);
            return indicatorForm(model, d);
        }
        Optional<Integer> newVersion;
        try {
            newVersion = administration.changeIndicator(
                    p, code, form.getVersion(), form.getName(), spec.get(), blankToNull(form.getReason()), actorName());
        } catch (ConcurrentEditException e) {
            IndicatorDefinition current = findIndicator(p, code);
            Forms.conflict(
                    model,
                    FORM,
                    IndicatorForm.of(current, administration.rowVersion(current.indicatorId())),
                    e.getMessage(),
                    response);
            return indicatorForm(model, current);
        }
        if (newVersion.isPresent()) {
            calculator.recomputeIndicator(p, code);
            flash.addFlashAttribute(
                    "flash",
                    "Indicator updated: version " + newVersion.get() + " applies from "
                            + spec.get().effectiveFrom());
        } else {
            flash.addFlashAttribute("flash", "Indicator updated");
        }
        return "redirect:/performance/catalogue/indicators/" + code;
    }

    @PostMapping("/indicators/{code}/recompute")
    String recompute(@PathVariable String code, RedirectAttributes flash) {
        long p = partnership();
        findIndicator(p, code);
        administration.recomputeHistoryWithCurrentDefinition(p, code);
        calculator.recomputeIndicator(p, code);
        flash.addFlashAttribute("flash", "History recomputed with the current definition");
        return "redirect:/performance/catalogue/indicators/" + code;
    }

    private Optional<VersionSpec> versionSpec(
            long p, IndicatorForm form, BindingResult errors, @Nullable IndicatorDefinition current) {
        if (form.getName().isBlank()) {
            errors.rejectValue("name", "required", "Enter a name");
        }
        Set<String> itemCodes = catalogue.items(p).stream().map(DataItem::code).collect(Collectors.toSet());
        String numerator = formula(form.getNumerator(), "numerator", "numerator", itemCodes, errors);
        Factor factor = parse(Factor.class, form.getFactor());
        if (factor == null) {
            errors.rejectValue("factor", "required", "Select how the value is expressed");
        }
        String denominator = null;
        if (!form.getDenominator().isBlank()) {
            denominator = formula(form.getDenominator(), "denominator", "denominator", itemCodes, errors);
        } else if (factor != null && factor.needsDenominator()) {
            errors.rejectValue("denominator", "required", "Enter a denominator: only a count has none");
        }
        Aggregation aggregation = parse(Aggregation.class, form.getAggregation());
        if (aggregation == null) {
            errors.rejectValue("aggregation", "required", "Select how the numerator is read over time");
        }
        Integer decimals = decimals(form, errors);
        Polarity polarity = parse(Polarity.class, form.getPolarity());
        if (polarity == null) {
            errors.rejectValue("polarity", "required", "Select which direction is better");
        }
        BigDecimal target = number(form.getTarget(), "target", "Target", errors);
        BigDecimal green = number(form.getGreenFrom(), "greenFrom", "Green from", errors);
        BigDecimal red = number(form.getRedFrom(), "redFrom", "Red from", errors);
        BigDecimal england = number(form.getBenchmarkEngland(), "benchmarkEngland", "England benchmark", errors);
        BigDecimal region = number(form.getBenchmarkRegion(), "benchmarkRegion", "Regional benchmark", errors);
        BigDecimal neighbours = number(
                form.getBenchmarkNeighbours(), "benchmarkNeighbours", "Statistical neighbours benchmark", errors);
        checkPriorities(form, errors);
        LocalDate effectiveFrom = null;
        if (!form.getEffectiveFrom().isBlank()) {
            try {
                effectiveFrom = LocalDate.parse(form.getEffectiveFrom());
            } catch (DateTimeParseException e) {
                errors.rejectValue(
                        "effectiveFrom", "invalid", "Enter the date as year-month-day, for example 2024-04-01");
            }
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        VersionSpec spec = new VersionSpec(
                numerator,
                form.getNumeratorDescription(),
                denominator,
                form.getDenominatorDescription(),
                factor,
                aggregation,
                decimals,
                polarity,
                target,
                green,
                red,
                england,
                region,
                neighbours,
                PRIORITIES.stream().filter(form.getPriorities()::contains).toList(),
                blankToNull(form.getOwnerGroup()),
                form.getMethodology(),
                effectiveFrom == null ? (current == null ? LocalDate.now() : current.effectiveFrom()) : effectiveFrom,
                blankToNull(form.getReason()));
        if (current != null && spec.formulaDiffers(VersionSpec.ofDefinition(current))) {
            checkBreakExplained(form, effectiveFrom, errors);
            if (errors.hasErrors()) {
                return Optional.empty();
            }
        }
        return Optional.of(spec);
    }

    private static @Nullable Integer decimals(IndicatorForm form, BindingResult errors) {
        Integer decimals = null;
        try {
            decimals = Integer.valueOf(form.getDecimals());
        } catch (NumberFormatException e) {
            // reported below
        }
        if (decimals == null || decimals < 0 || decimals > 4) {
            errors.rejectValue("decimals", "range", "Enter decimal places as a whole number from 0 to 4");
        }
        return decimals;
    }

    private static void checkPriorities(IndicatorForm form, BindingResult errors) {
        for (String priority : form.getPriorities()) {
            if (!PRIORITIES.contains(priority)) {
                errors.rejectValue("priorities", "invalid", "Select priorities from the list");
            }
        }
    }

    /** A changed formula is a methodology break: it needs the date it applies from and the reason. */
    private static void checkBreakExplained(
            IndicatorForm form, @Nullable LocalDate effectiveFrom, BindingResult errors) {
        if (effectiveFrom == null) {
            errors.rejectValue(
                    "effectiveFrom",
                    "required",
                    "Enter the date the new formula applies from: changing the formula is a methodology break");
        }
        if (form.getReason().isBlank()) {
            errors.rejectValue("reason", "required", "Enter why the formula changed");
        }
    }

    private static @Nullable String formula(
            String text, String field, String label, Set<String> itemCodes, BindingResult errors) {
        try {
            Formula f = Formula.parse(text);
            List<String> unknown =
                    f.codes().stream().filter(c -> !itemCodes.contains(c)).toList();
            if (!unknown.isEmpty()) {
                errors.rejectValue(
                        field,
                        "unknown",
                        "The " + label + " uses unknown item code" + (unknown.size() > 1 ? "s " : " ")
                                + String.join(", ", unknown));
                return null;
            }
            return f.text();
        } catch (IllegalArgumentException e) {
            errors.rejectValue(field, "invalid", "The " + label + " is not a formula: " + e.getMessage());
            return null;
        }
    }

    private String indicatorForm(Model model, @Nullable IndicatorDefinition d) {
        model.addAttribute("indicator", d);
        model.addAttribute("title", d == null ? "Add an indicator" : "Change " + d.name());
        model.addAttribute(
                "factorOptions",
                Arrays.stream(Factor.values())
                        .map(f -> Option.of(f.name(), f.label()))
                        .toList());
        model.addAttribute(
                "aggregationOptions",
                Arrays.stream(Aggregation.values())
                        .map(f -> Option.of(f.name(), f.label()))
                        .toList());
        model.addAttribute(
                "polarityOptions",
                Arrays.stream(Polarity.values())
                        .map(f -> Option.of(f.name(), f.label()))
                        .toList());
        model.addAttribute(
                "priorityOptions", PRIORITIES.stream().map(x -> Option.of(x, x)).toList());
        model.addAttribute("items", catalogue.items(partnership()));
        return "performance/catalogue/indicator-form";
    }

    private List<AgencySummary> agencies(long p) {
        return organisation.agenciesOf(p);
    }

    private DataItem findItem(long p, String code) {
        return catalogue.item(p, code).orElseThrow(() -> new NotFoundException("Data item"));
    }

    private IndicatorDefinition findIndicator(long p, String code) {
        return catalogue.indicator(p, code).orElseThrow(() -> new NotFoundException("Indicator"));
    }

    private static long partnership() {
        return Actors.require().partnershipId();
    }

    private static String actorName() {
        return Actors.require().displayName();
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable BigDecimal number(String text, String field, String label, BindingResult errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        NumberRule.Result read = NumberRule.read(text);
        if (!read.ok()) {
            errors.rejectValue(field, "invalid", label + ": " + read.problem());
            return null;
        }
        return read.value();
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
