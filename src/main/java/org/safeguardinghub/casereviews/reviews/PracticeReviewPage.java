package org.safeguardinghub.casereviews.reviews;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.casereviews.CaseReviewsAccess;
import org.safeguardinghub.casereviews.CaseVocabulary;
import org.safeguardinghub.casereviews.reviews.SectionForms.DraftForm;
import org.safeguardinghub.casereviews.reviews.SectionForms.FamilyForm;
import org.safeguardinghub.casereviews.reviews.SectionForms.FinalForm;
import org.safeguardinghub.casereviews.reviews.SectionForms.MeetingDocumentForm;
import org.safeguardinghub.casereviews.reviews.SectionForms.MeetingForm;
import org.safeguardinghub.casereviews.reviews.SectionForms.MemberForm;
import org.safeguardinghub.casereviews.reviews.SectionForms.PublicationForm;
import org.safeguardinghub.casereviews.reviews.SectionForms.RequestForm;
import org.safeguardinghub.casereviews.reviews.SectionForms.SignOffForm;
import org.safeguardinghub.casereviews.reviews.SectionForms.ThemesForm;
import org.safeguardinghub.documents.Documents;
import org.safeguardinghub.learning.LearningAccess;
import org.safeguardinghub.learning.LearningTheme;
import org.safeguardinghub.learning.LearningThemes;
import org.safeguardinghub.learning.RecommendationSource;
import org.safeguardinghub.learning.Recommendations;
import org.safeguardinghub.organisation.GroupSummary;
import org.safeguardinghub.organisation.Organisation;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.web.Option;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Fills the model of a practice review's own page: the review with its clocks, panel, meetings, agency reports,
 * documents, learning themes and recommendations, and one form per section. Each form carries the version the page
 * was read at, except a refused form, which keeps the version it was opened at (unless the refusal was a conflict).
 */
@Component
public class PracticeReviewPage {

    static final String VIEW = "casereviews/reviews/show";

    private final PracticeReviewRecords reviews;
    private final PracticeReviewDesk desk;
    private final Documents documents;
    private final Organisation organisation;
    private final LearningThemes themes;
    private final Recommendations recommendations;
    private final Clock clock;

    PracticeReviewPage(
            PracticeReviewRecords reviews,
            PracticeReviewDesk desk,
            Documents documents,
            Organisation organisation,
            LearningThemes themes,
            Recommendations recommendations,
            Clock clock) {
        this.reviews = reviews;
        this.desk = desk;
        this.documents = documents;
        this.organisation = organisation;
        this.themes = themes;
        this.recommendations = recommendations;
        this.clock = clock;
    }

    /** Fills the model for review {@code id} and names the view. */
    public String fill(long id, Model model) {
        PracticeReview review = desk.read(id);
        Actor actor = Actors.require();
        long p = review.partnershipId();
        LocalDate today = LocalDate.now(clock);
        String groupName = review.panelGroupId() == null
                ? null
                : organisation.groupsOf(Actors.require().partnershipId()).stream()
                        .filter(g -> g.id() == review.panelGroupId())
                        .map(GroupSummary::name)
                        .findFirst()
                        .orElse(null);
        PracticeReviewRecords.ReferralRef referral = review.referralId() == null
                ? null
                : reviews.referral(p, review.referralId()).orElse(null);
        model.addAttribute("review", ReviewView.of(review, groupName, referral, today));
        model.addAttribute("title", review.title());
        model.addAttribute("members", reviews.members(review.id()));
        List<PracticeReviewRecords.Meeting> meetings = reviews.meetings(review.id());
        model.addAttribute("meetings", meetings);
        model.addAttribute(
                "meetingDocuments",
                documents.list(
                        PracticeReviewDesk.MEETING_DOCUMENTS,
                        meetings.stream().map(PracticeReviewRecords.Meeting::id).toList()));
        model.addAttribute(
                "meetingOptions",
                meetings.stream()
                        .map(m -> Option.of(m.id(), ReviewView.date(m.meetingOn())))
                        .toList());
        List<PracticeReviewRecords.AgencyReport> requests = reviews.agencyReports(p, review.id());
        model.addAttribute("requests", requests);
        model.addAttribute(
                "requestDocuments",
                documents.list(
                        PracticeReviewDesk.REQUEST_DOCUMENTS,
                        requests.stream()
                                .map(PracticeReviewRecords.AgencyReport::id)
                                .toList()));
        model.addAttribute("reportDocuments", documents.list(PracticeReviewDesk.REVIEW_DOCUMENTS, review.id()));
        Set<Long> tagged = reviews.themeIds(p, review.id());
        List<LearningTheme> allThemes = themes.all();
        model.addAttribute(
                "taggedThemes",
                allThemes.stream().filter(t -> tagged.contains(t.id())).toList());
        model.addAttribute(
                "themeOptions",
                allThemes.stream()
                        .filter(t -> t.active() || tagged.contains(t.id()))
                        .map(t -> Option.of(t.id(), t.active() ? t.name() : t.name() + " (retired)"))
                        .toList());
        model.addAttribute(
                "recommendations", recommendations.forSource(p, RecommendationSource.PRACTICE_REVIEW, review.id()));
        model.addAttribute("agencyOptions", agencyOptions(p));
        model.addAttribute("accountOptions", reviews.panelAccounts(p));
        model.addAttribute("kindOptions", List.of(new Option("AGENDA", "Agenda"), new Option("MINUTES", "Minutes")));
        model.addAttribute(
                "publicationOptions",
                CaseVocabulary.PUBLICATION.entrySet().stream()
                        .map(e -> new Option(e.getKey(), e.getValue()))
                        .toList());
        model.addAttribute("canManage", actor.can(CaseReviewsAccess.CASES_MANAGE));
        model.addAttribute("canRecommend", actor.can(LearningAccess.LEARNING_MANAGE));
        model.addAttribute("maxSize", documents.maxSizeLabel());
        addForms(model, review, tagged);
        return VIEW;
    }

    /** One form per section, unless the request already holds it (a refused form keeps what the user typed). */
    private static void addForms(Model model, PracticeReview review, Set<Long> tagged) {
        addIfAbsent(model, "memberForm", new MemberForm());
        addIfAbsent(model, "meetingForm", new MeetingForm());
        addIfAbsent(model, "meetingDocumentForm", new MeetingDocumentForm());
        addIfAbsent(model, "requestForm", new RequestForm());
        FamilyForm family = new FamilyForm();
        family.setFamilyInvolvement(review.familyInvolvement() == null ? "" : review.familyInvolvement());
        addIfAbsent(model, "familyForm", family);
        addIfAbsent(model, "draftForm", new DraftForm());
        addIfAbsent(model, "finalForm", new FinalForm());
        addIfAbsent(model, "signOffForm", new SignOffForm());
        addIfAbsent(model, "publicationForm", new PublicationForm());
        ThemesForm themesForm = new ThemesForm();
        themesForm.setThemeIds(new ArrayList<>(tagged));
        addIfAbsent(model, "themesForm", themesForm);
        // every form posts the version the page was read at, so a stale change is refused
        Object failed = model.getAttribute("failedForm");
        boolean conflict = model.containsAttribute("conflict");
        for (String name : List.of("familyForm", "draftForm", "finalForm", "signOffForm", "publicationForm")) {
            if (conflict || !name.equals(failed)) {
                setVersion(model.getAttribute(name), review.version());
            }
        }
    }

    /** Sets the version a section form posts, keeping the one a refused form was opened at (unless in conflict). */
    private static void setVersion(@Nullable Object form, int version) {
        if (form instanceof FamilyForm f) {
            f.setVersion(version);
        } else if (form instanceof DraftForm f) {
            f.setVersion(version);
        } else if (form instanceof FinalForm f) {
            f.setVersion(version);
        } else if (form instanceof SignOffForm f) {
            f.setVersion(version);
        } else if (form instanceof PublicationForm f) {
            f.setVersion(version);
        }
    }

    private static void addIfAbsent(Model model, String name, Object form) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, form);
        }
    }

    private List<Option> agencyOptions(long partnershipId) {
        return organisation.agenciesOf(partnershipId).stream()
                .map(a -> Option.of(a.id(), a.name()))
                .toList();
    }
}
