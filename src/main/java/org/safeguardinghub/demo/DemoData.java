package org.safeguardinghub.demo;

import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.safeguardinghub.casereviews.demo.CaseReviewDemo;
import org.safeguardinghub.identity.AccountProvisioning;
import org.safeguardinghub.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads the Kent demo on first start, and prints the demo sign-in accounts on every start in demo mode. */
@Component
@ConditionalOnProperty(name = "hub.demo", havingValue = "true")
@Order(100) // before the performance catalogue (200) and its demo figures (300), which need the partnerships
class DemoData implements ApplicationRunner {

    /** Shared by every demo account; demo mode only, printed at start and in the README. */
    static final String DEMO_PASSWORD = "demo-hub-2026";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    record DemoAccount(String email, String name, String jobTitle, String agency, Set<Role> kent, Set<Role> medway) {}

    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount(
                    "admin@example.org",
                    "Alex Morgan",
                    "Partnership administrator",
                    "Kent County Council",
                    Set.of(Role.PARTNERSHIP_ADMIN),
                    Set.of(Role.PARTNERSHIP_ADMIN)),
            new DemoAccount(
                    "business@example.org",
                    "Priya Shah",
                    "KSCMP Business Officer",
                    "Kent County Council",
                    Set.of(Role.BUSINESS_TEAM),
                    Set.of()),
            new DemoAccount(
                    "police.lead@example.org",
                    "Sam Taylor",
                    "Detective Inspector, safeguarding lead",
                    "Kent Police",
                    Set.of(Role.AGENCY_LEAD),
                    Set.of(Role.AGENCY_LEAD)),
            new DemoAccount(
                    "police.officer@example.org",
                    "Casey Brown",
                    "Police Constable",
                    "Kent Police",
                    Set.of(Role.PRACTITIONER),
                    Set.of()),
            new DemoAccount(
                    "school.lead@example.org",
                    "Jordan Lee",
                    "Designated Safeguarding Lead",
                    "Hollowbrook Academy (fictional demo school)",
                    Set.of(Role.AGENCY_LEAD),
                    Set.of()),
            new DemoAccount(
                    "school.teacher@example.org",
                    "Dana White",
                    "Class teacher",
                    "Hollowbrook Academy (fictional demo school)",
                    Set.of(Role.PRACTITIONER),
                    Set.of()),
            new DemoAccount(
                    "panel@example.org",
                    "Chris Evans",
                    "Designated Nurse for Safeguarding Children",
                    "NHS Kent and Medway Integrated Care Board",
                    Set.of(Role.PANEL_MEMBER),
                    Set.of(Role.PANEL_MEMBER)),
            new DemoAccount(
                    "practitioner@example.org",
                    "Robin Patel",
                    "Health visitor",
                    "Kent Community Health NHS Foundation Trust",
                    Set.of(Role.PRACTITIONER),
                    Set.of()),
            new DemoAccount(
                    "scrutineer@example.org",
                    "Morgan Ellis",
                    "Independent Scrutineer",
                    "Kent County Council",
                    Set.of(Role.SCRUTINEER),
                    Set.of(Role.SCRUTINEER)));

    private final JdbcClient jdbc;
    private final AccountProvisioning accounts;
    private final PasswordEncoder passwords;
    private final DataSource dataSource;
    private final org.springframework.core.env.Environment environment;
    private final CaseReviewDemo caseReviews;

    DemoData(
            CaseReviewDemo caseReviews,
            JdbcClient jdbc,
            AccountProvisioning accounts,
            PasswordEncoder passwords,
            DataSource dataSource,
            org.springframework.core.env.Environment environment) {
        this.caseReviews = caseReviews;
        this.environment = environment;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.accounts = accounts;
        this.passwords = passwords;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws Exception {
        // Two instances starting together on an empty database must not both load the demo.
        jdbc.sql("select pg_advisory_xact_lock(7301)").query().singleValue();
        boolean empty = jdbc.sql("select count(*) from partnership_view")
                        .query(Long.class)
                        .single()
                == 0;
        if (empty) {
            // joins the surrounding transaction, so a failure leaves no half-loaded demo
            ScriptUtils.executeSqlScript(
                    DataSourceUtils.getConnection(dataSource), new ClassPathResource("demo/kent.sql"));
            String hash = passwords.encode(DEMO_PASSWORD);
            long kent = partnership("KSCMP");
            long medway = partnership("MSCP");
            for (DemoAccount a : ACCOUNTS) {
                long agency = jdbc.sql("select id from agency_view where name = :n")
                        .param("n", a.agency())
                        .query(Long.class)
                        .single();
                accounts.createActive(
                        a.email(), a.name(), a.jobTitle(), agency, hash, Map.of(kent, a.kent(), medway, a.medway()));
            }
            caseReviews.loadKent(kent);
            log.info("Demo data loaded: Kent and Medway partnerships, agencies, districts, groups and demo accounts");
        } else if (caseReviews.noCasesYet()
                && jdbc.sql("select count(*) from partnership_view where short_name = 'KSCMP'")
                                .query(Long.class)
                                .single()
                        == 1) {
            // a demo database from before case reviews existed: add the case review demo once
            caseReviews.loadKent(partnership("KSCMP"));
            log.info("Demo case reviews and learning tracker added to the existing Kent demo");
        }
        printAccounts(environment.getProperty("local.server.port", environment.getProperty("server.port", "8080")));
    }

    private long partnership(String shortName) {
        return jdbc.sql("select id from partnership_view where short_name = :s")
                .param("s", shortName)
                .query(Long.class)
                .single();
    }

    private static void printAccounts(String port) {
        StringBuilder sb = new StringBuilder("\n\n  Safeguarding Partnership Hub — DEMO MODE (fictional data only)\n");
        sb.append("  Sign in at http://localhost:" + port + " with any of these accounts, password: ")
                .append(DEMO_PASSWORD)
                .append("\n");
        for (DemoAccount a : ACCOUNTS) {
            sb.append(String.format(
                    "    %-30s %s%n",
                    a.email(),
                    String.join(", ", a.kent().stream().map(Role::label).toList())));
        }
        System.out.println(sb);
    }
}
