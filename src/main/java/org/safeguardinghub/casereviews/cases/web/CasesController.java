package org.safeguardinghub.casereviews.cases.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.casereviews.CaseReviewsAccess;
import org.safeguardinghub.casereviews.CaseVocabulary;
import org.safeguardinghub.casereviews.access.CaseMembership;
import org.safeguardinghub.casereviews.cases.CaseClocks;
import org.safeguardinghub.casereviews.cases.CaseRecords;
import org.safeguardinghub.casereviews.cases.CaseSettings;
import org.safeguardinghub.casereviews.cases.CaseViews.OverdueItem;
import org.safeguardinghub.casereviews.cases.ClockView;
import org.safeguardinghub.casereviews.cases.OverdueCaseRecords;
import org.safeguardinghub.casereviews.cases.RapidReview;
import org.safeguardinghub.casereviews.cases.Referral;
import org.safeguardinghub.documents.DocumentSummary;
import org.safeguardinghub.documents.Documents;
import org.safeguardinghub.learning.LearningTheme;
import org.safeguardinghub.learning.LearningThemes;
import org.safeguardinghub.learning.RecommendationSource;
import org.safeguardinghub.learning.Recommendations;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.platform.web.Option;
import org.safeguardinghub.platform.web.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The case list, the overdue list and the case page. Case readers (business team, administrators, panel members)
 * see every case of their partnership; every view of a case page is audited as a sensitive read.
 */
@Controller
class CasesController {

    static final String REFERRAL_DOCUMENTS = "referral";
    static final String REQUEST_DOCUMENTS = "agency-request";

    private final CaseRecords cases;
    private final AuditTrail audit;
    private final Documents documents;
    private final LearningThemes themes;
    private final Recommendations recommendations;
    private final Clock clock;
    private final CaseSettings settings;
    private final OverdueCaseRecords overdueCases;
    private final CaseClocks clocks = CaseClocks.england();

    CasesController(
            CaseRecords cases,
            AuditTrail audit,
            Documents documents,
            LearningThemes themes,
            Recommendations recommendations,
            Clock clock,
            CaseSettings settings,
            OverdueCaseRecords overdueCases) {
        this.cases = cases;
        this.settings = settings;
        this.overdueCases = overdueCases;
        this.audit = audit;
        this.documents = documents;
        this.themes = themes;
        this.recommendations = recommendations;
        this.clock = clock;
    }

    @GetMapping("/cases")
    String list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        Actor actor = Actors.require();
        LocalDate today = LocalDate.now(clock);
        String chosenStatus =
                status != null && CaseVocabulary.REFERRAL_STATUS.containsKey(status) && !"DRAFT".equals(status)
                        ? status
                        : null;
        int currentYear = financialYear(today);
        Integer chosenYear = year != null && year >= 2014 && year <= currentYear ? year : null;
        String text = q == null || q.isBlank() ? null : q.trim();
        model.addAttribute(
                "cases",
                cases.search(
                        actor.partnershipId(),
                        CaseMembership.limitedTo(actor),
                        new CaseRecords.Filter(chosenStatus, chosenYear, overdue, text),
                        today,
                        page,
                        PageResult.DEFAULT_SIZE));
        model.addAttribute("status", chosenStatus == null ? "" : chosenStatus);
        model.addAttribute("year", chosenYear == null ? "" : String.valueOf(chosenYear));
        model.addAttribute("overdue", overdue);
        model.addAttribute("q", text == null ? "" : text);
        model.addAttribute(
                "statusOptions",
                CaseVocabulary.options(CaseVocabulary.REFERRAL_STATUS).stream()
                        .filter(o -> !"DRAFT".equals(o.value()))
                        .toList());
        List<Option> years = new ArrayList<>();
        for (int y = currentYear; y >= currentYear - 9; y--) {
            years.add(Option.of(y, y + " to " + (y + 1)));
        }
        model.addAttribute("yearOptions", years);
        model.addAttribute(
                "base",
                base(
                        "/cases",
                        "status",
                        chosenStatus,
                        "year",
                        chosenYear,
                        "overdue",
                        overdue ? "true" : null,
                        "q",
                        text));
        return "casereviews/cases/list";
    }

    @GetMapping("/cases/overdue")
    String overdue(@RequestParam(defaultValue = "1") int page, Model model) {
        Actor actor = Actors.require();
        List<OverdueItem> all = overdueCases.overdue(actor.partnershipId(), LocalDate.now(clock));
        Long member = CaseMembership.limitedTo(actor);
        if (member != null) {
            java.util.Set<String> readable = cases.readableLinks(actor.partnershipId(), member);
            all = all.stream().filter(i -> readable.contains(i.link())).toList();
        }
        int size = PageResult.DEFAULT_SIZE;
        int from = Math.min(all.size(), PageResult.offset(page, size));
        model.addAttribute(
                "items",
                new PageResult<>(
                        all.subList(from, Math.min(all.size(), from + size)), Math.max(page, 1), size, all.size()));
        model.addAttribute("base", "/cases/overdue?");
        return "casereviews/cases/overdue";
    }

    @GetMapping("/cases/{id}")
    String show(@PathVariable long id, Model model) {
        Actor actor = Actors.require();
        long p = actor.partnershipId();
        LocalDate today = LocalDate.now(clock);
        requireReadable(actor, id);
        CaseRecords.CaseFile file = cases.find(p, id).orElseThrow(() -> new NotFoundException("Case"));
        audit.readSensitive("referral", id);
        Referral referral = file.referral();
        model.addAttribute("file", file);
        model.addAttribute("referral", referral);
        model.addAttribute("details", file.details());
        model.addAttribute("labels", labels(file));
        model.addAttribute("children", cases.children(id));
        model.addAttribute("agencies", cases.agenciesInvolved(id));
        model.addAttribute("attachments", documents.list(REFERRAL_DOCUMENTS, id));

        List<ClockView> clockViews = new ArrayList<>();
        LocalDate decisionStop = Referral.NOTIFY.equals(referral.nationalDecision())
                ? referral.notifiedOn()
                : referral.nationalDecisionOn();
        clockViews.add(
                ClockView.of(clocks.notification(referral.laAwareDate(), referral.receivedOn(), decisionStop), today));
        RapidReview rr = cases.rapidReview(p, id).orElse(null);
        model.addAttribute("rapidReview", rr);
        if (rr != null) {
            if (referral.notifiedOn() != null) {
                clockViews.add(cases.rapidReviewClock(
                        settings.rapidReviewStart(p),
                        referral.laAwareDate(),
                        referral.receivedOn(),
                        referral.notifiedOn(),
                        rr.sentToPanelOn(),
                        today));
            }
            model.addAttribute("members", cases.members(rr.id()));
            model.addAttribute(
                    "recommendations", recommendations.forSource(p, RecommendationSource.RAPID_REVIEW, rr.id()));
            model.addAttribute(
                    "outcomeLabel",
                    CaseVocabulary.label(CaseVocabulary.RAPID_REVIEW_OUTCOME, rr.outcome())
                            + (rr.otherReviewType() == null
                                    ? ""
                                    : ": " + CaseVocabulary.label(CaseVocabulary.REVIEW_TYPE, rr.otherReviewType())));
        }
        List<Long> requestIds = cases.requestIds(p, id);
        Map<Long, List<DocumentSummary>> answerDocuments = documents.list(REQUEST_DOCUMENTS, requestIds);
        model.addAttribute("requests", cases.requests(p, id, today, answerDocuments));
        var reviews = cases.practiceReviews(p, id, today);
        model.addAttribute("reviews", reviews);
        reviews.forEach(r -> {
            if (r.clock() != null) {
                clockViews.add(r.clock());
            }
        });
        model.addAttribute("clocks", clockViews);
        List<Long> tagged = cases.themeIds(p, "REFERRAL", id);
        model.addAttribute(
                "themes",
                themes.all().stream()
                        .filter(t -> tagged.contains(t.id()))
                        .map(LearningTheme::name)
                        .toList());
        model.addAttribute("canManage", actor.can(CaseReviewsAccess.CASES_MANAGE));
        model.addAttribute("canCommission", canCommission(referral, rr));
        model.addAttribute("today", today);
        return "casereviews/cases/case";
    }

    /** Need to know: a panel member reads only the cases of the reviews they are a member of; others are a 404. */
    private void requireReadable(Actor actor, long id) {
        if (!cases.readable(actor.partnershipId(), id, CaseMembership.limitedTo(actor))) {
            throw new NotFoundException("Case");
        }
    }

    @GetMapping("/cases/{id}/documents/{documentId}")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long documentId) {
        long p = Actors.require().partnershipId();
        requireReadable(Actors.require(), id);
        return documents
                .read(documentId, REFERRAL_DOCUMENTS, id)
                .map(Documents::download)
                .orElseThrow(() -> new NotFoundException("Document"));
    }

    @GetMapping("/cases/{id}/requests/{requestId}/documents/{documentId}")
    ResponseEntity<byte[]> answerDocument(
            @PathVariable long id, @PathVariable long requestId, @PathVariable long documentId) {
        long p = Actors.require().partnershipId();
        requireReadable(Actors.require(), id);
        if (!cases.requestOf(p, id, requestId)) {
            throw new NotFoundException("Request");
        }
        return documents
                .read(documentId, REQUEST_DOCUMENTS, requestId)
                .map(Documents::download)
                .orElseThrow(() -> new NotFoundException("Document"));
    }

    /** A local review was decided on, or the rapid review recommended a review, and none is commissioned yet. */
    private static boolean canCommission(Referral referral, @Nullable RapidReview rr) {
        if ("REVIEW_COMMISSIONED".equals(referral.status()) || "CLOSED".equals(referral.status())) {
            return false;
        }
        return Referral.LOCAL_REVIEW.equals(referral.localDecision())
                || (rr != null && rr.outcome() != null && !"NO_FURTHER_REVIEW".equals(rr.outcome()));
    }

    private static Map<String, String> labels(CaseRecords.CaseFile file) {
        Map<String, String> labels = new LinkedHashMap<>();
        Referral r = file.referral();
        labels.put("status", CaseVocabulary.label(CaseVocabulary.REFERRAL_STATUS, r.status()));
        labels.put(
                "harm", CaseVocabulary.label(CaseVocabulary.HARM, file.details().harm()));
        labels.put(
                "abuse",
                CaseVocabulary.label(
                        CaseVocabulary.ABUSE_OR_NEGLECT, file.details().abuseOrNeglect()));
        labels.put(
                "nationalDecision",
                r.nationalDecision() == null
                        ? ""
                        : Referral.NOTIFY.equals(r.nationalDecision())
                                ? "Notify the national panel"
                                : "Do not notify the national panel");
        labels.put(
                "localDecision",
                r.localDecision() == null
                        ? ""
                        : Referral.LOCAL_REVIEW.equals(r.localDecision()) ? "Hold a local review" : "No local review");
        labels.put(
                "source",
                switch (file.details().source()) {
                    case "PUBLIC" -> "Public form";
                    case "SIGNED_IN" -> "Signed-in notifier";
                    default -> "Imported";
                });
        return labels;
    }

    static int financialYear(LocalDate date) {
        return date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
    }

    static String base(String path, @Nullable Object... params) {
        return org.safeguardinghub.platform.web.ListLinks.base(path, params);
    }
}
