package org.safeguardinghub.performance.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.organisation.AgencySummary;
import org.safeguardinghub.organisation.Organisation;
import org.safeguardinghub.performance.catalogue.CatalogueFile.IndicatorSpec;
import org.safeguardinghub.performance.catalogue.CatalogueFile.ItemSpec;
import org.safeguardinghub.performance.catalogue.CatalogueFile.RuleSpec;
import org.safeguardinghub.performance.catalogue.CatalogueFile.VersionSpec;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to a partnership's catalogue, from a catalogue file (at start or uploaded) or the administration pages.
 * Every change is audited in its transaction.
 *
 * <p>Lifecycle of an indicator definition: an indicator is created with version 1 (or, from a file, with its older
 * {@code versions} first). A change to anything in the definition adds a version with its own {@code effective_from};
 * periods ending on or after that date are computed with it, earlier periods keep the older version's values, and
 * charts show the date as a methodology break. Changing the numerator, denominator, factor or aggregation is a
 * methodology break and needs a reason. "Recompute history" stamps {@code history_recomputed_at} on the current
 * version: from then on it applies to every period and the break disappears. Codes never change.
 */
@Service
public class CatalogueAdministration {

    private static final Logger log = LoggerFactory.getLogger(CatalogueAdministration.class);

    private final CatalogueRecords records;
    private final CatalogueChangeRecords changes;
    private final Catalogue catalogue;
    private final Organisation organisation;
    private final AuditTrail audit;

    CatalogueAdministration(
            CatalogueRecords records,
            CatalogueChangeRecords changes,
            Catalogue catalogue,
            Organisation organisation,
            AuditTrail audit) {
        this.records = records;
        this.changes = changes;
        this.catalogue = catalogue;
        this.organisation = organisation;
        this.audit = audit;
    }

    /** What loading a file did. */
    public record FileResult(
            int itemsAdded, int itemsChanged, int rulesSaved, int indicatorsAdded, int versionsAdded) {}

    /** Upserts a whole file by code, in one transaction. */
    @Transactional
    public FileResult applyFile(long partnershipId, CatalogueFile file, String changedBy) {
        Map<String, Long> agencies = agencyIds(partnershipId);
        Map<String, DataItem> existing =
                catalogueItems(partnershipId).stream().collect(Collectors.toMap(DataItem::code, Function.identity()));
        int added = 0;
        int changed = 0;
        for (ItemSpec spec : file.items()) {
            Long agencyId = null;
            if (spec.sourceAgency() != null) {
                agencyId = agencies.get(spec.sourceAgency().toLowerCase(Locale.ROOT));
                if (agencyId == null) {
                    log.warn(
                            "Catalogue file {}: item {} names unknown source agency \"{}\"; loaded with no source",
                            file.partnership(),
                            spec.code(),
                            spec.sourceAgency());
                }
            }
            DataItem before = existing.get(spec.code());
            if (before == null) {
                insertItem(partnershipId, spec, agencyId);
                added++;
            } else if (updateItem(partnershipId, before, spec, agencyId)) {
                changed++;
            }
        }
        int rules = 0;
        Map<String, DataRule> existingRules =
                catalogue.rules(partnershipId).stream().collect(Collectors.toMap(DataRule::code, Function.identity()));
        for (RuleSpec rule : file.rules()) {
            if (saveRule(partnershipId, rule, existingRules.get(rule.code()))) {
                rules++;
            }
        }
        int indicatorsAdded = 0;
        int versionsAdded = 0;
        Map<String, IndicatorDefinition> current = currentDefinitions(partnershipId);
        int order = current.values().stream()
                .mapToInt(IndicatorDefinition::sortOrder)
                .max()
                .orElse(0);
        int position = 0;
        for (IndicatorSpec spec : file.indicators()) {
            position++;
            IndicatorDefinition now = current.get(spec.code());
            if (now == null) {
                createIndicator(partnershipId, spec, order + position, changedBy);
                indicatorsAdded++;
            } else {
                renameIndicator(now, spec.name());
                VersionSpec was = VersionSpec.of(now, null);
                if (spec.current().definitionDiffers(was)) {
                    VersionSpec next = spec.current();
                    String reason = next.reason() != null ? next.reason() : "Catalogue file version " + file.version();
                    addVersion(now, next, reason, changedBy);
                    versionsAdded++;
                }
            }
        }
        return new FileResult(added, changed, rules, indicatorsAdded, versionsAdded);
    }

    /** Items including archived ones. */
    List<DataItem> catalogueItems(long partnershipId) {
        return records.allItems(partnershipId);
    }

    private Map<String, IndicatorDefinition> currentDefinitions(long partnershipId) {
        return records.allCurrentDefinitions(partnershipId).stream()
                .collect(Collectors.toMap(
                        IndicatorDefinition::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    private Map<String, Long> agencyIds(long partnershipId) {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (AgencySummary a : organisation.agenciesOf(partnershipId)) {
            ids.put(a.name().toLowerCase(Locale.ROOT), a.id());
        }
        return ids;
    }

    /** The agency id for a name, among the partnership's agencies. */
    public Optional<Long> agencyNamed(long partnershipId, String name) {
        return Optional.ofNullable(agencyIds(partnershipId).get(name.trim().toLowerCase(Locale.ROOT)));
    }

    // ---- items ----

    /** Adds an item; throws {@code DuplicateKeyException} when the code is taken. */
    @Transactional
    public long createItem(long partnershipId, ItemSpec spec, @Nullable Long agencyId) {
        return insertItem(partnershipId, spec, agencyId);
    }

    /** Changes an item (not its code). */
    @Transactional
    public void changeItem(long partnershipId, String code, int version, ItemSpec spec, @Nullable Long agencyId) {
        DataItem before = catalogue.item(partnershipId, code).orElseThrow();
        if (before.version() != version) {
            throw new ConcurrentEditException("data item");
        }
        updateItem(partnershipId, before, spec, agencyId);
    }

    private long insertItem(long partnershipId, ItemSpec spec, @Nullable Long agencyId) {
        long id = changes.insertItem(partnershipId, itemParams(spec, agencyId));
        audit.created("data_item", id, itemAudit(spec, agencyId));
        return id;
    }

    private boolean updateItem(long partnershipId, DataItem before, ItemSpec spec, @Nullable Long agencyId) {
        Map<String, Object> was = itemAudit(
                new ItemSpec(
                        before.code(),
                        before.name(),
                        before.definition(),
                        before.valueKind(),
                        before.periodType(),
                        before.frequency(),
                        before.sourceAgencyName(),
                        before.breakdowns(),
                        before.required(),
                        before.minValue(),
                        before.maxValue()),
                before.sourceAgencyId());
        Map<String, Object> now = itemAudit(spec, agencyId);
        if (was.equals(now)) {
            return false;
        }
        changes.updateItem(before.id(), partnershipId, itemParams(spec, agencyId));
        audit.changed(AuditAction.UPDATE, "data_item", before.id(), was, now);
        return true;
    }

    private static Map<String, Object> itemParams(ItemSpec spec, @Nullable Long agencyId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", spec.code());
        m.put("name", spec.name());
        m.put("definition", spec.definition());
        m.put("kind", spec.kind());
        m.put("periodType", spec.periodType().name());
        m.put("frequency", spec.frequency().name());
        m.put("agency", agencyId);
        m.put(
                "breakdowns",
                "{" + spec.breakdowns().stream().map(Enum::name).sorted().collect(Collectors.joining(",")) + "}");
        m.put("required", spec.required());
        m.put("min", spec.min());
        m.put("max", spec.max());
        return m;
    }

    private static Map<String, Object> itemAudit(ItemSpec spec, @Nullable Long agencyId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", spec.code());
        m.put("name", spec.name());
        m.put("definition", spec.definition());
        m.put("kind", spec.kind());
        m.put("periodType", spec.periodType().name());
        m.put("frequency", spec.frequency().name());
        m.put("sourceAgencyId", agencyId == null ? "" : String.valueOf(agencyId));
        m.put("breakdowns", spec.breakdowns().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        m.put("required", String.valueOf(spec.required()));
        m.put("min", spec.min() == null ? "" : spec.min().stripTrailingZeros().toPlainString());
        m.put("max", spec.max() == null ? "" : spec.max().stripTrailingZeros().toPlainString());
        return m;
    }

    // ---- rules ----

    private boolean saveRule(long partnershipId, RuleSpec rule, @Nullable DataRule before) {
        Map<String, Object> now = Map.of(
                "left", rule.left(), "operator", rule.operator(), "right", rule.right(), "message", rule.message());
        if (before == null) {
            changes.insertRule(partnershipId, rule.code(), now);
            audit.created("data_rule", rule.code(), now);
            return true;
        }
        Map<String, Object> was = Map.of(
                "left", before.leftItem(),
                "operator", before.operator(),
                "right", before.rightItem(),
                "message", before.message());
        if (was.equals(now)) {
            return false;
        }
        changes.updateRule(partnershipId, rule.code(), now);
        audit.changed(AuditAction.UPDATE, "data_rule", rule.code(), was, now);
        return true;
    }

    // ---- indicators ----

    /** Adds an indicator with its versions (older first); throws {@code DuplicateKeyException} if the code is taken. */
    @Transactional
    public long createIndicator(long partnershipId, IndicatorSpec spec, int sortOrder, String changedBy) {
        List<VersionSpec> all = new ArrayList<>(spec.older());
        all.add(spec.current());
        long id = changes.insertIndicator(partnershipId, spec.code(), spec.name(), all.size(), sortOrder);
        for (int i = 0; i < all.size(); i++) {
            VersionSpec v = all.get(i);
            String reason = v.reason();
            insertVersion(id, i + 1, v, reason, changedBy);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("code", spec.code());
        values.put("name", spec.name());
        values.putAll(versionAudit(spec.current()));
        values.put("versions", all.size());
        audit.created("indicator", id, values);
        return id;
    }

    /**
     * Changes an indicator: its name, and (when the definition differs) a new version from {@code effectiveFrom}.
     *
     * @return the new version number, or empty when the definition did not change
     */
    @Transactional
    public Optional<Integer> changeIndicator(
            long partnershipId,
            String code,
            int version,
            String name,
            VersionSpec next,
            @Nullable String reason,
            String changedBy) {
        IndicatorDefinition now = catalogue.indicator(partnershipId, code).orElseThrow();
        if (changes.rowVersion(now.indicatorId()) != version) {
            throw new ConcurrentEditException("indicator");
        }
        renameIndicator(now, name);
        changes.bumpRowVersion(now.indicatorId());
        if (!next.definitionDiffers(VersionSpec.of(now, null))) {
            return Optional.empty();
        }
        return Optional.of(addVersion(now, next, reason, changedBy));
    }

    /** The indicator's row version, for optimistic locking on the edit form. */
    public int rowVersion(long indicatorId) {
        return changes.rowVersion(indicatorId);
    }

    /**
     * Applies the current definition to every period: stamps {@code history_recomputed_at} on the current version
     * (the caller then recomputes the indicator's values).
     */
    @Transactional
    public void recomputeHistoryWithCurrentDefinition(long partnershipId, String code) {
        IndicatorDefinition now = catalogue.indicator(partnershipId, code).orElseThrow();
        changes.markHistoryRecomputed(now.indicatorId(), now.versionNo());
        audit.event(
                AuditAction.UPDATE,
                "indicator",
                now.indicatorId(),
                "History recomputed with version " + now.versionNo() + " of " + code);
    }

    private void renameIndicator(IndicatorDefinition now, String name) {
        if (!now.name().equals(name)) {
            changes.renameIndicator(now.indicatorId(), name);
            audit.changed(
                    AuditAction.UPDATE,
                    "indicator",
                    now.indicatorId(),
                    Map.of("name", now.name()),
                    Map.of("name", name));
        }
    }

    private int addVersion(IndicatorDefinition now, VersionSpec next, @Nullable String reason, String changedBy) {
        int versionNo = changes.nextVersionNo(now.indicatorId());
        insertVersion(now.indicatorId(), versionNo, next, reason, changedBy);
        changes.setCurrentVersion(now.indicatorId(), versionNo);
        Map<String, Object> after = versionAudit(next);
        after.put("versionNo", versionNo);
        after.put("reason", reason == null ? "" : reason);
        Map<String, Object> before = versionAudit(VersionSpec.of(now, null));
        before.put("versionNo", now.versionNo());
        before.put("reason", "");
        audit.changed(AuditAction.UPDATE, "indicator", now.indicatorId(), before, after);
        return versionNo;
    }

    private void insertVersion(long indicatorId, int versionNo, VersionSpec v, @Nullable String reason, String by) {
        changes.insertVersion(indicatorId, versionNo, v, reason, by);
    }

    private static Map<String, Object> versionAudit(VersionSpec v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("numerator", v.numerator());
        m.put("denominator", v.denominator() == null ? "" : v.denominator());
        m.put("factor", v.factor().name());
        m.put("aggregation", v.aggregation().name());
        m.put("decimals", v.decimals());
        m.put("polarity", v.polarity().name());
        m.put("target", v.target() == null ? "" : v.target().toPlainString());
        m.put("greenFrom", v.greenFrom() == null ? "" : v.greenFrom().toPlainString());
        m.put("redFrom", v.redFrom() == null ? "" : v.redFrom().toPlainString());
        m.put("priorities", String.join("; ", v.priorities()));
        m.put("effectiveFrom", v.effectiveFrom().toString());
        return m;
    }

    /** The partnership's catalogue in the file format, every indicator with its older versions. */
    public CatalogueFile export(long partnershipId, String shortName, int fileVersion, String description) {
        List<ItemSpec> items = catalogueItems(partnershipId).stream()
                .filter(i -> !i.archived())
                .map(i -> new ItemSpec(
                        i.code(),
                        i.name(),
                        i.definition(),
                        i.valueKind(),
                        i.periodType(),
                        i.frequency(),
                        i.sourceAgencyName(),
                        i.breakdowns(),
                        i.required(),
                        i.minValue(),
                        i.maxValue()))
                .toList();
        List<RuleSpec> rules = catalogue.rules(partnershipId).stream()
                .map(r -> new RuleSpec(r.code(), r.leftItem(), r.operator(), r.rightItem(), r.message()))
                .toList();
        Map<String, String> reasons = changes.versionReasons(partnershipId);
        Map<String, List<IndicatorDefinition>> byCode = new LinkedHashMap<>();
        List<String> archived = changes.archivedIndicatorCodes(partnershipId);
        for (IndicatorDefinition d : catalogue.allVersions(partnershipId)) {
            if (!archived.contains(d.code())) {
                byCode.computeIfAbsent(d.code(), c -> new ArrayList<>()).add(d);
            }
        }
        Map<String, Integer> currentVersion = currentDefinitions(partnershipId).values().stream()
                .collect(Collectors.toMap(IndicatorDefinition::code, IndicatorDefinition::versionNo));
        List<IndicatorSpec> indicators = new ArrayList<>();
        byCode.forEach((code, versions) -> {
            int cur = currentVersion.getOrDefault(
                    code, versions.get(versions.size() - 1).versionNo());
            IndicatorDefinition current = versions.stream()
                    .filter(v -> v.versionNo() == cur)
                    .findFirst()
                    .orElse(versions.get(versions.size() - 1));
            List<VersionSpec> older = versions.stream()
                    .filter(v -> v.versionNo() != cur && v.effectiveFrom().isBefore(current.effectiveFrom()))
                    .map(v -> VersionSpec.of(v, reasons.get(code + "#" + v.versionNo())))
                    .toList();
            indicators.add(new IndicatorSpec(
                    code, current.name(), VersionSpec.of(current, reasons.get(code + "#" + cur)), older));
        });
        return new CatalogueFile(shortName, fileVersion, description, items, rules, indicators);
    }

    /** Why and by whom each version of an indicator was made, by version number. */
    public Map<Integer, VersionNote> reasons(long indicatorId) {
        return changes.versionNotes(indicatorId);
    }

    /** Who made a version, when and why, and when history was recomputed with it. */
    public record VersionNote(
            @Nullable String reason,
            String createdBy,
            java.time.LocalDate createdOn,
            java.time.@Nullable LocalDate historyRecomputedOn) {}

    /** The version of the file last loaded for the partnership (0 when none). */
    public int loadedFileVersion(long partnershipId) {
        return changes.loadedFileVersion(partnershipId);
    }
}
