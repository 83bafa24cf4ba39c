package org.safeguardinghub.surveys;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.shared.SafeCounts;
import org.safeguardinghub.shared.SafeTable;
import org.safeguardinghub.shared.SmallNumberSuppression;
import org.safeguardinghub.surveys.SurveyResults.QuestionResult;
import org.safeguardinghub.surveys.SurveyResults.TagResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anonymous surveys: create one with its questions, give each audience a public link, take answers through the link
 * without sign-in, and count the results with small numbers suppressed.
 *
 * <p>Responses hold the answers and the date only: no name, email, network address, browser or time of day, so a
 * response cannot be traced back to the person who gave it. For the same reason taking an answer is not written to
 * the audit trail (which records the caller's address); creating surveys and links is.
 */
@Service
public class Surveys {

    /** At least 128 bits of randomness: 24 bytes give a 32-character URL-safe token. */
    private static final int TOKEN_BYTES = 24;

    private final SurveyRecords records;
    private final AuditTrail audit;
    private final SmallNumberSuppression suppression;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Surveys(SurveyRecords records, AuditTrail audit, SmallNumberSuppression suppression, Clock clock) {
        this.records = records;
        this.audit = audit;
        this.suppression = suppression;
        this.clock = clock;
    }

    /** The public form as the link's audience sees it. */
    public record PublicSurvey(SurveySummary survey, SurveyLink link, List<SurveyQuestion> questions) {

        public boolean open(LocalDate today) {
            return link.closedAt() == null && survey.openOn(today);
        }

        public boolean notYetOpen(LocalDate today) {
            return today.isBefore(survey.opensOn());
        }
    }

    /** What happened to a submitted form: stored, refused because the survey is not open, or refused with problems. */
    public record Submission(Outcome outcome, Map<String, String> problems) {

        public enum Outcome {
            STORED,
            CLOSED,
            INVALID
        }
    }

    @Transactional
    public long create(NewSurvey survey) {
        long id = records.insert(survey);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("title", survey.title());
        values.put("opensOn", survey.opensOn());
        values.put("closesOn", survey.closesOn());
        values.put("questions", survey.questions().size());
        if (survey.ownerType() != null) {
            values.put("owner", survey.ownerType() + " " + survey.ownerId());
        }
        audit.created("survey", id, values);
        return id;
    }

    /** A new public link for an audience (one per agency at most), with a fresh random token. */
    @Transactional
    public SurveyLink addLink(long surveyId, String audienceLabel, @Nullable Long agencyId) {
        String token = newToken();
        long id = records.insertLink(surveyId, token, audienceLabel, agencyId);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("survey", surveyId);
        values.put("audience", audienceLabel);
        if (agencyId != null) {
            values.put("agency", agencyId);
        }
        audit.created("survey-link", id, values); // the token is left out: it is a capability to answer
        return new SurveyLink(id, surveyId, token, audienceLabel, agencyId, null, 0);
    }

    String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public Optional<SurveySummary> find(long surveyId) {
        return records.find(surveyId);
    }

    /** The survey belonging to a record, e.g. {@code ("s11-cycle", 12)}; the first one if there are several. */
    public Optional<SurveySummary> findByOwner(String ownerType, long ownerId) {
        return records.findByOwner(ownerType, ownerId);
    }

    public List<SurveyQuestion> questions(long surveyId) {
        return records.questions(surveyId);
    }

    /** The survey's links in the order they were made, each with its number of responses. */
    public List<SurveyLink> links(long surveyId) {
        return records.links(surveyId);
    }

    /** The survey behind a public token, whatever its dates; empty for a token that does not exist. */
    public Optional<PublicSurvey> byToken(String token) {
        if (token.length() > 100) {
            return Optional.empty();
        }
        Optional<SurveyLink> link = records.linkByToken(token);
        return link.flatMap(l -> find(l.surveyId()).map(s -> new PublicSurvey(s, l, questions(s.id()))));
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The problems with a set of answers, keyed by the question's field name (so the error summary links to it): a
     * required question not answered, an answer that is not one offered, or a text that is too long.
     */
    public static Map<String, String> check(List<SurveyQuestion> questions, Map<String, String> answers) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (SurveyQuestion q : questions) {
            String value = answers.getOrDefault(q.fieldName(), "").strip();
            String quoted = "‘" + q.text() + "’";
            if (value.isEmpty()) {
                if (q.required()) {
                    problems.put(
                            q.fieldName(),
                            switch (q.kind()) {
                                case LIKERT -> "Select how much you agree with " + quoted;
                                case YES_NO_DONT_KNOW -> "Select yes, no or I do not know for " + quoted;
                                case FREE_TEXT -> "Enter an answer to " + quoted;
                            });
                }
            } else if (q.kind().freeText()) {
                if (value.length() > QuestionKind.MAX_TEXT) {
                    problems.put(
                            q.fieldName(),
                            "Your answer to " + quoted + " must be " + String.format("%,d", QuestionKind.MAX_TEXT)
                                    + " characters or fewer");
                }
            } else if (!q.kind().offers(value)) {
                problems.put(q.fieldName(), "Select one of the answers offered for " + quoted);
            }
        }
        return problems;
    }

    /**
     * Takes one person's answers through a public link (field name to value): checked in full, then stored in one
     * transaction with today's date only. Refused, with nothing stored, when the survey is closed or not yet open.
     */
    @Transactional
    public Submission submit(String token, Map<String, String> answers) {
        PublicSurvey form = byToken(token).orElseThrow(() -> new NotFoundException("Survey"));
        LocalDate today = today();
        if (!form.open(today)) {
            return new Submission(Submission.Outcome.CLOSED, Map.of());
        }
        Map<String, String> problems = check(form.questions(), answers);
        if (!problems.isEmpty()) {
            return new Submission(Submission.Outcome.INVALID, problems);
        }
        Map<Long, String> byQuestion = new LinkedHashMap<>();
        for (SurveyQuestion q : form.questions()) {
            String value = answers.getOrDefault(q.fieldName(), "").strip();
            if (!value.isEmpty()) {
                byQuestion.put(q.id(), value);
            }
        }
        store(form.survey().id(), form.link().id(), byQuestion, today);
        return new Submission(Submission.Outcome.STORED, Map.of());
    }

    /**
     * Stores a response given by question code, for loading answers collected elsewhere (a paper survey) or demo
     * data. Each answer is checked like the public form's and an unknown code is refused, but a required question may
     * be left out: a paper form cannot insist on an answer.
     */
    @Transactional
    public long record(long linkId, Map<String, String> answersByCode, LocalDate submittedOn) {
        long surveyId = records.surveyOfLink(linkId).orElseThrow(() -> new NotFoundException("Survey link"));
        List<SurveyQuestion> questions = questions(surveyId);
        Map<String, String> byField = new HashMap<>();
        Map<Long, String> byQuestion = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : answersByCode.entrySet()) {
            SurveyQuestion q = questions.stream()
                    .filter(x -> x.code().equals(e.getKey()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No question " + e.getKey()));
            byField.put(q.fieldName(), e.getValue());
            byQuestion.put(q.id(), e.getValue().strip());
        }
        List<SurveyQuestion> given = questions.stream()
                .filter(q -> byField.containsKey(q.fieldName()))
                .toList();
        Map<String, String> problems = check(given, byField);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Answers refused: " + problems.values());
        }
        return store(surveyId, linkId, byQuestion, submittedOn);
    }

    private long store(long surveyId, long linkId, Map<Long, String> answers, LocalDate submittedOn) {
        return records.insertResponse(surveyId, linkId, answers, submittedOn);
    }

    /**
     * Every link's (and all links') answers counted per question and tag, published through the shared rule
     * ({@link SafeTable}): per question, the links' positive and other answers with their row totals (answered) and
     * column totals (all links); per tag, the links' respondents with their total, and their answers split the same
     * way. The same cell has the same published value on the page, the agency's return page and every download.
     */
    public SurveyResults results(long surveyId) {
        SurveySummary survey = find(surveyId).orElseThrow(() -> new NotFoundException("Survey"));
        List<SurveyQuestion> questions = questions(surveyId);
        List<SurveyLink> links = links(surveyId);

        Map<Long, Map<Long, Map<String, Long>>> counts = records.answerCounts(surveyId);
        SafeCounts rule = SafeCounts.of(suppression);
        List<Long> linkIds = new ArrayList<>(links.stream().map(SurveyLink::id).toList());
        List<QuestionResult> byQuestion = questionResults(rule, questions, linkIds, counts);
        List<TagResult> byTag = tagResults(rule, questions, linkIds, records.tagCounts(surveyId));
        return new SurveyResults(
                survey, questions, links, List.copyOf(byQuestion), List.copyOf(byTag), rule.hiddenText());
    }

    private static List<QuestionResult> questionResults(
            SafeCounts rule,
            List<SurveyQuestion> questions,
            List<Long> linkIds,
            Map<Long, Map<Long, Map<String, Long>>> counts) {
        List<QuestionResult> byQuestion = new ArrayList<>();
        int n = linkIds.size();
        for (SurveyQuestion q : questions) {
            Map<String, Long> total = new LinkedHashMap<>();
            List<Map<String, Long>> perLink = new ArrayList<>();
            long[][] cells = new long[n][2]; // positive, not positive: the answers that apply, split
            long[] answered = new long[n];
            for (int i = 0; i < n; i++) {
                Map<String, Long> c =
                        counts.getOrDefault(linkIds.get(i), Map.of()).getOrDefault(q.id(), Map.of());
                c.forEach((v, k) -> total.merge(v, k, Long::sum));
                perLink.add(c);
                answered[i] = answered(c);
                cells[i][0] = positive(q, c);
                cells[i][1] = answered[i] - cells[i][0];
            }
            long allAnswered = answered(total);
            long allPositive = positive(q, total);
            SafeTable table = SafeTable.of(rule, cells, new long[] {allPositive, allAnswered - allPositive}, answered);
            for (int i = 0; i < n; i++) {
                byQuestion.add(questionResult(linkIds.get(i), q, perLink.get(i), table.rowTotal(i), table.cell(i, 0)));
            }
            byQuestion.add(questionResult(null, q, total, SafeTable.single(rule, allAnswered), table.columnTotal(0)));
        }
        return byQuestion;
    }

    private static List<TagResult> tagResults(
            SafeCounts rule,
            List<SurveyQuestion> questions,
            List<Long> linkIds,
            Map<String, Map<Long, long[]>> tagCounts) {
        List<TagResult> byTag = new ArrayList<>();
        int n = linkIds.size();
        for (String tag : questions.stream()
                .filter(q -> q.tag() != null && !q.kind().freeText())
                .map(SurveyQuestion::tag)
                .distinct()
                .toList()) {
            Map<Long, long[]> perLink = tagCounts.getOrDefault(tag, Map.of());
            long[][] people = new long[n][1];
            long[][] split = new long[n][2]; // positive answers, other answers
            long[] answers = new long[n];
            long[] all = new long[3];
            for (int i = 0; i < n; i++) {
                long[] t = perLink.getOrDefault(linkIds.get(i), new long[3]);
                people[i][0] = t[0];
                answers[i] = t[1];
                split[i][0] = t[2];
                split[i][1] = t[1] - t[2];
                for (int k = 0; k < 3; k++) {
                    all[k] += t[k]; // links are disjoint, so respondents add up
                }
            }
            SafeTable respondents = SafeTable.of(rule, people, new long[] {all[0]}, null);
            SafeTable answerTable = SafeTable.of(rule, split, new long[] {all[2], all[1] - all[2]}, answers);
            for (int i = 0; i < n; i++) {
                long[] t = perLink.getOrDefault(linkIds.get(i), new long[3]);
                byTag.add(tagResult(
                        linkIds.get(i),
                        tag,
                        t,
                        respondents.cell(i, 0),
                        answerTable.rowTotal(i),
                        answerTable.cell(i, 0)));
            }
            byTag.add(tagResult(
                    null,
                    tag,
                    all,
                    respondents.columnTotal(0),
                    SafeTable.single(rule, all[1]),
                    answerTable.columnTotal(0)));
        }
        return byTag;
    }

    private static long answered(Map<String, Long> counts) {
        long notApplicable = counts.getOrDefault(QuestionKind.NOT_APPLICABLE, 0L);
        return counts.values().stream().mapToLong(Long::longValue).sum() - notApplicable;
    }

    private static long positive(SurveyQuestion q, Map<String, Long> counts) {
        return counts.entrySet().stream()
                .filter(e -> q.kind().positive(e.getKey()))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    /**
     * One question's result: the exact counts stay inside the module (withheld altogether when the number who
     * answered is hidden); what is published is the two cells the shared rule made safe.
     */
    private static QuestionResult questionResult(
            @Nullable Long linkId,
            SurveyQuestion q,
            Map<String, Long> counts,
            SafeTable.@Nullable Cell answered,
            SafeTable.@Nullable Cell positive) {
        SafeTable.Cell a = java.util.Objects.requireNonNull(answered);
        SafeTable.Cell p = java.util.Objects.requireNonNull(positive);
        boolean hidden = a.hidden();
        return new QuestionResult(
                linkId,
                q.id(),
                answered(counts),
                hidden ? 0 : counts.getOrDefault(QuestionKind.NOT_APPLICABLE, 0L),
                hidden ? 0 : positive(q, counts),
                hidden ? Map.of() : Map.copyOf(counts),
                hidden,
                a,
                p);
    }

    private static TagResult tagResult(
            @Nullable Long linkId,
            String tag,
            long[] exact,
            SafeTable.@Nullable Cell respondents,
            SafeTable.@Nullable Cell answers,
            SafeTable.@Nullable Cell positive) {
        SafeTable.Cell r = java.util.Objects.requireNonNull(respondents);
        SafeTable.Cell a = java.util.Objects.requireNonNull(answers);
        SafeTable.Cell p = java.util.Objects.requireNonNull(positive);
        boolean hidden = r.hidden() || a.hidden();
        return new TagResult(linkId, tag, exact[0], exact[1], hidden ? 0 : exact[2], hidden, r, a, p);
    }

    /** The suppression rule in force, for pages that explain it. */
    public SmallNumberSuppression suppression() {
        return suppression;
    }
}
