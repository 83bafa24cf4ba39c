package org.safeguardinghub.casereviews.reviews.web;

import java.time.Clock;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.casereviews.CaseReviewsAccess;
import org.safeguardinghub.casereviews.CaseVocabulary;
import org.safeguardinghub.casereviews.access.CaseMembership;
import org.safeguardinghub.casereviews.reviews.PracticeReview;
import org.safeguardinghub.casereviews.reviews.PracticeReviewRecords;
import org.safeguardinghub.casereviews.reviews.ReviewView;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.web.ListLinks;
import org.safeguardinghub.platform.web.PageResult;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The list of practice reviews: filtered by status and type, paged, each with its publication clock, and limited to
 * the cases the user may see. Reading needs cases:view (route rules).
 */
@Controller
class PracticeReviewListController {

    private final PracticeReviewRecords reviews;
    private final Clock clock;

    PracticeReviewListController(PracticeReviewRecords reviews, Clock clock) {
        this.reviews = reviews;
        this.clock = clock;
    }

    /** One row of the list: the review, its labels and its clock. */
    record ListItem(
            long id,
            String title,
            String typeLabel,
            String statusLabel,
            String commissionedOn,
            String targetOn,
            ReviewView.ClockTag clock,
            @Nullable String publishedOn) {}

    @GetMapping("/reviews")
    String list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String type,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        Actor actor = Actors.require();
        String s = CaseVocabulary.REVIEW_STATUS.containsKey(status) ? status : null;
        String t = CaseVocabulary.REVIEW_TYPE.containsKey(type) ? type : null;
        LocalDate today = LocalDate.now(clock);
        PageResult<ListItem> result = reviews.search(
                        actor.partnershipId(), CaseMembership.limitedTo(actor), s, t, page, PageResult.DEFAULT_SIZE)
                .map(r -> new ListItem(
                        r.id(),
                        r.title(),
                        CaseVocabulary.label(CaseVocabulary.REVIEW_TYPE, r.reviewType()),
                        CaseVocabulary.label(CaseVocabulary.REVIEW_STATUS, r.status()),
                        ReviewView.date(r.commissionedOn()),
                        ReviewView.date(PracticeReview.publicationClock(r.commissionedOn(), null)
                                .targetDate()),
                        ReviewView.ClockTag.of(r.status(), r.commissionedOn(), r.publishedOn(), today),
                        ReviewView.date(r.publishedOn())));
        model.addAttribute("reviews", result);
        model.addAttribute("status", s == null ? "" : s);
        model.addAttribute("type", t == null ? "" : t);
        model.addAttribute("statusOptions", CaseVocabulary.options(CaseVocabulary.REVIEW_STATUS));
        model.addAttribute("typeOptions", CaseVocabulary.options(CaseVocabulary.REVIEW_TYPE));
        model.addAttribute("canManage", actor.can(CaseReviewsAccess.CASES_MANAGE));
        model.addAttribute("base", ListLinks.base("/reviews", "status", s, "type", t));
        return "casereviews/reviews/list";
    }
}
