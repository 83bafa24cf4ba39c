package org.safeguardinghub.section11.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.section11.survey.StaffSurveys;
import org.safeguardinghub.surveys.QuestionKind;
import org.safeguardinghub.surveys.SurveyLink;
import org.safeguardinghub.surveys.SurveyQuestion;
import org.safeguardinghub.surveys.SurveySummary;
import org.safeguardinghub.surveys.Surveys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo only: a staff survey for the 2026 Kent and Medway cycle (made by the Section 11 demo just before) with
 * fictional answers from each agency's staff. A fixed seed gives the same answers on every fresh demo. Every seventh
 * agency has fewer answers than the suppression threshold, so the pages show suppression; awareness of the
 * escalation policy is set around 35 to 45%, echoing Kent's 2023 survey where 65.1% of 196 respondents did not know
 * there is one. Idempotent: nothing happens if the cycle is missing or already has a survey.
 */
@Component
@ConditionalOnProperty(name = "hub.demo", havingValue = "true")
@Order(510)
public class StaffSurveyDemo implements ApplicationRunner {

    public static final String CYCLE = "Kent and Medway Section 11 audit 2026";
    static final String NOTE = "Demo: the responses already shown for this survey are fictional, made up for the"
            + " demonstration. They describe no real organisation or member of staff.";

    private static final Logger log = LoggerFactory.getLogger(StaffSurveyDemo.class);

    private static final List<String> COMMENTS = List.of(
            "More joint training with other agencies would help.",
            "Clearer guidance on who to call out of hours.",
            "Shorter e-learning refreshers through the year.",
            "Regular briefings on the escalation policy.",
            "Time in supervision to talk through worries about a child.");

    private final JdbcClient jdbc;
    private final StaffSurveys staffSurveys;
    private final Surveys surveys;

    StaffSurveyDemo(JdbcClient jdbc, StaffSurveys staffSurveys, Surveys surveys) {
        this.jdbc = jdbc;
        this.staffSurveys = staffSurveys;
        this.surveys = surveys;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Optional<Long> cycleId = jdbc.sql("select id from s11_cycle where name = :n order by id limit 1")
                .param("n", CYCLE)
                .query(Long.class)
                .optional();
        if (cycleId.isEmpty() || staffSurveys.survey(cycleId.get()).isPresent()) {
            return;
        }
        StaffSurveys.Cycle cycle = staffSurveys.cycle(cycleId.get()).orElseThrow();
        Optional<Long> partnership =
                jdbc.sql("""
                        select cp.partnership_id from s11_cycle_partnership cp join partnership_view p on p.id = cp.partnership_id
                        where cp.cycle_id = :c order by (p.short_name = 'KSCMP') desc, p.id limit 1""").param("c", cycle.id()).query(Long.class).optional();
        if (partnership.isEmpty()) {
            return;
        }
        LocalDate today = surveys.today();
        // open now, whatever day the demo is started on, so the public links can be tried
        LocalDate opens = cycle.opensOn().isBefore(today) ? cycle.opensOn() : today.minusDays(21);
        LocalDate closes = cycle.closesOn().isAfter(today) ? cycle.closesOn() : today.plusDays(28);
        long surveyId = staffSurveys.setUp(cycle.id(), partnership.get(), opens, closes, "Demo data", NOTE);
        SurveySummary survey = surveys.find(surveyId).orElseThrow();
        List<SurveyQuestion> questions = surveys.questions(surveyId);
        Random random = new Random(2026);
        long days = Math.max(0, ChronoUnit.DAYS.between(opens, today));
        int index = 0;
        int responses = 0;
        for (SurveyLink link : surveys.links(surveyId)) {
            boolean small = index++ % 7 == 3;
            int count = small ? 2 + random.nextInt(3) : 8 + random.nextInt(23);
            double culture = 0.55 + random.nextDouble() * 0.35; // how positive this agency's staff are on the whole
            double escalation = 0.33 + random.nextDouble() * 0.14;
            for (int i = 0; i < count; i++) {
                Map<String, String> answers = new LinkedHashMap<>();
                for (SurveyQuestion q : questions) {
                    double p = "ESCALATION".equals(q.code()) ? escalation : culture;
                    String answer = answer(q.kind(), p, random);
                    if (answer != null) {
                        answers.put(q.code(), answer);
                    }
                }
                LocalDate on = opens.plusDays(days == 0 ? 0 : random.nextLong(days + 1));
                surveys.record(link.id(), answers, on.isAfter(survey.closesOn()) ? survey.closesOn() : on);
                responses++;
            }
        }
        log.info("Demo staff survey for {}: {} fictional responses", CYCLE, responses);
    }

    /** A fictional answer that is positive with probability {@code p}; null leaves an optional question blank. */
    static @Nullable String answer(QuestionKind kind, double p, Random random) {
        boolean positive = random.nextDouble() < p;
        return switch (kind) {
            case LIKERT -> {
                if (random.nextDouble() < 0.03) {
                    yield QuestionKind.NOT_APPLICABLE;
                }
                if (positive) {
                    yield random.nextDouble() < 0.4 ? "STRONGLY_AGREE" : "AGREE";
                }
                double r = random.nextDouble();
                yield r < 0.5 ? "NEITHER" : r < 0.85 ? "DISAGREE" : "STRONGLY_DISAGREE";
            }
            case YES_NO_DONT_KNOW -> positive ? "YES" : random.nextBoolean() ? "NO" : "DONT_KNOW";
            case FREE_TEXT -> random.nextDouble() < 0.2 ? COMMENTS.get(random.nextInt(COMMENTS.size())) : null;
        };
    }
}
