package org.safeguardinghub.performance.catalogue.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.performance.PerformanceAccess;
import org.safeguardinghub.performance.catalogue.Catalogue;
import org.safeguardinghub.performance.catalogue.CatalogueAdministration;
import org.safeguardinghub.performance.catalogue.DataItem;
import org.safeguardinghub.performance.catalogue.Formula;
import org.safeguardinghub.performance.catalogue.IndicatorDefinition;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.platform.web.Option;
import org.safeguardinghub.shared.SharedAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Reading the indicator catalogue of the current partnership: the list of indicators, items and rules (filtered by
 * priority and source agency), an item with the indicators and rules that read it, and an indicator with its
 * versions and the reasons they changed. Anyone who reads reports or submits returns may read it (route rules).
 */
@Controller
@RequestMapping("/performance/catalogue")
class CatalogueBrowseController {

    private final Catalogue catalogue;
    private final CatalogueAdministration administration;

    CatalogueBrowseController(Catalogue catalogue, CatalogueAdministration administration) {
        this.catalogue = catalogue;
        this.administration = administration;
    }

    record IndicatorRow(IndicatorDefinition definition, String unit, List<String> sources) {}

    @GetMapping
    String index(
            @RequestParam(required = false) String priority, @RequestParam(required = false) Long agency, Model model) {
        long p = Actors.require().partnershipId();
        List<DataItem> items = catalogue.items(p);
        Map<String, DataItem> byCode = items.stream().collect(Collectors.toMap(DataItem::code, i -> i));
        String chosenPriority = priority != null && CatalogueController.PRIORITIES.contains(priority) ? priority : null;
        Long chosenAgency =
                agency != null && items.stream().anyMatch(i -> agency.equals(i.sourceAgencyId())) ? agency : null;
        List<IndicatorRow> indicators = new ArrayList<>();
        for (IndicatorDefinition d : catalogue.indicators(p)) {
            Set<String> codes =
                    new java.util.LinkedHashSet<>(d.numeratorFormula().codes());
            Formula den = d.denominatorFormula();
            if (den != null) {
                codes.addAll(den.codes());
            }
            List<String> sources = codes.stream()
                    .map(byCode::get)
                    .filter(i -> i != null && i.sourceAgencyName() != null)
                    .map(DataItem::sourceAgencyName)
                    .distinct()
                    .toList();
            boolean agencyMatches = chosenAgency == null
                    || codes.stream()
                            .map(byCode::get)
                            .anyMatch(i -> i != null && chosenAgency.equals(i.sourceAgencyId()));
            if ((chosenPriority == null || d.priorities().contains(chosenPriority)) && agencyMatches) {
                indicators.add(new IndicatorRow(d, d.factor().label(), sources));
            }
        }
        List<DataItem> shownItems = items.stream()
                .filter(i -> chosenAgency == null || chosenAgency.equals(i.sourceAgencyId()))
                .toList();
        model.addAttribute("indicators", indicators);
        model.addAttribute("items", shownItems);
        model.addAttribute("rules", catalogue.rules(p));
        model.addAttribute(
                "priorityOptions",
                CatalogueController.PRIORITIES.stream()
                        .map(x -> Option.of(x, x))
                        .toList());
        model.addAttribute(
                "agencyOptions",
                items.stream()
                        .filter(i -> i.sourceAgencyId() != null)
                        .map(i -> Option.of(i.sourceAgencyId(), i.sourceAgencyName()))
                        .distinct()
                        .sorted(java.util.Comparator.comparing(Option::label))
                        .toList());
        model.addAttribute("priority", chosenPriority == null ? "" : chosenPriority);
        model.addAttribute("agency", chosenAgency == null ? "" : String.valueOf(chosenAgency));
        model.addAttribute("canManage", Actors.require().can(PerformanceAccess.CATALOGUE_MANAGE));
        model.addAttribute("canViewReports", Actors.require().can(SharedAccess.REPORTS_VIEW));
        return "performance/catalogue/index";
    }

    @GetMapping("/items/{code}")
    String item(@PathVariable String code, Model model) {
        long p = Actors.require().partnershipId();
        DataItem item = catalogue.item(p, code).orElseThrow(() -> new NotFoundException("Data item"));
        model.addAttribute("item", item);
        model.addAttribute(
                "usedBy",
                catalogue.indicators(p).stream().filter(d -> reads(d, code)).toList());
        model.addAttribute(
                "rules",
                catalogue.rules(p).stream()
                        .filter(r -> r.leftItem().equals(code) || r.rightItem().equals(code))
                        .toList());
        model.addAttribute("canManage", Actors.require().can(PerformanceAccess.CATALOGUE_MANAGE));
        return "performance/catalogue/item";
    }

    @GetMapping("/indicators/{code}")
    String indicator(@PathVariable String code, Model model) {
        long p = Actors.require().partnershipId();
        IndicatorDefinition d = catalogue.indicator(p, code).orElseThrow(() -> new NotFoundException("Indicator"));
        List<IndicatorDefinition> versions = catalogue.versions(d.indicatorId());
        model.addAttribute("indicator", d);
        model.addAttribute("versions", versions);
        model.addAttribute("reasons", administration.reasons(d.indicatorId()));
        model.addAttribute("hasBreak", versions.size() > 1 && !d.historyRecomputed());
        model.addAttribute("display", new Display());
        model.addAttribute("canManage", Actors.require().can(PerformanceAccess.CATALOGUE_MANAGE));
        model.addAttribute("canViewReports", Actors.require().can(SharedAccess.REPORTS_VIEW));
        return "performance/catalogue/indicator";
    }

    private static boolean reads(IndicatorDefinition d, String code) {
        Formula den = d.denominatorFormula();
        return d.numeratorFormula().codes().contains(code)
                || (den != null && den.codes().contains(code));
    }

    /** Formats benchmarks and targets on the indicator page. */
    static final class Display {
        public String number(@Nullable BigDecimal value) {
            return value == null ? "Not set" : value.stripTrailingZeros().toPlainString();
        }
    }
}
