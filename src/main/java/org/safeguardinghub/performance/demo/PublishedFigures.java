package org.safeguardinghub.performance.demo;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.safeguardinghub.performance.catalogue.Catalogue;
import org.safeguardinghub.performance.catalogue.DataItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode: loads the figures Kent published in its annual reports (2014-15, 2015-16, 2019-20 and 2023-24) into
 * {@code data_value} with source PUBLISHED, once (skipped when KSCMP already has a published value). Each value
 * keeps its provenance: report, year and line reference. Nothing is recomputed here: the demo history runner that
 * follows adds fictional months and recomputes once.
 */
@Component
@ConditionalOnProperty(name = "hub.demo", havingValue = "true")
@Order(300)
class PublishedFigures implements ApplicationRunner {

    static final String FILE = "performance/published/kent-published.csv";

    private static final Logger log = LoggerFactory.getLogger(PublishedFigures.class);

    private final JdbcClient jdbc;
    private final Catalogue catalogue;

    PublishedFigures(JdbcClient jdbc, Catalogue catalogue) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
    }

    record Figure(
            String itemCode, LocalDate periodEnd, String kind, String value, BigDecimal figure, String provenance) {}

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        Optional<Long> kent = jdbc.sql("select id from partnership_view where short_name = 'KSCMP'")
                .query(Long.class)
                .optional();
        if (kent.isEmpty()) {
            return;
        }
        long partnershipId = kent.get();
        boolean loaded =
                jdbc.sql("""
                        select exists (select 1 from data_value where partnership_id = :p and source = 'PUBLISHED')""").param("p", partnershipId).query(Boolean.class).single();
        if (loaded) {
            return;
        }
        Map<String, DataItem> items =
                catalogue.items(partnershipId).stream().collect(Collectors.toMap(DataItem::code, i -> i));
        int written = 0;
        for (Figure f : read()) {
            DataItem item = items.get(f.itemCode());
            if (item == null || item.sourceAgencyId() == null) {
                log.warn("Published figure for {} skipped: no such item with a source agency", f.itemCode());
                continue;
            }
            written += jdbc.sql("""
                            insert into data_value (partnership_id, data_item_id, agency_id, period_end, breakdown_kind,
                                                    breakdown_value, value, first_value, source, provenance,
                                                    updated_by_name)
                            values (:p, :item, :agency, :periodEnd, :kind, :value, :figure, :figure, 'PUBLISHED',
                                    :provenance, 'Published figures')
                            on conflict (data_item_id, agency_id, period_end, breakdown_kind, breakdown_value)
                            do nothing""")
                    .param("p", partnershipId)
                    .param("item", item.id())
                    .param("agency", item.sourceAgencyId())
                    .param("periodEnd", f.periodEnd())
                    .param("kind", f.kind())
                    .param("value", f.value())
                    .param("figure", f.figure())
                    .param("provenance", f.provenance())
                    .update();
        }
        log.info("Loaded {} published Kent figures", written);
    }

    static List<Figure> read() throws IOException {
        String text = new ClassPathResource(FILE).getContentAsString(StandardCharsets.UTF_8);
        List<Figure> figures = new ArrayList<>();
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = csv(line);
            figures.add(new Figure(
                    cells.get(0),
                    LocalDate.parse(cells.get(1)),
                    cells.get(2),
                    cells.get(3),
                    new BigDecimal(cells.get(4)),
                    cells.get(5)));
        }
        return figures;
    }

    /** One CSV line: commas separate, double quotes enclose, a doubled quote inside quotes is a quote. */
    static List<String> csv(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
