package org.safeguardinghub.casereviews.referrals;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.casereviews.CaseVocabulary;
import org.safeguardinghub.documents.DocumentRejected;
import org.safeguardinghub.documents.Documents;
import org.safeguardinghub.documents.Upload;
import org.safeguardinghub.organisation.AgencySummary;
import org.safeguardinghub.organisation.DistrictSummary;
import org.safeguardinghub.organisation.Organisation;
import org.safeguardinghub.platform.web.Option;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.multipart.MultipartFile;

/** What the public and signed-in referral pages share: the form's choices, the checks, and attached files. */
@Component
public class ReferralPages {

    public static final String FORM = "form";
    public static final String VIEW = "casereviews/referrals/form";

    private final Organisation organisation;
    private final Documents documents;
    private final Clock clock;

    ReferralPages(Organisation organisation, Documents documents, Clock clock) {
        this.organisation = organisation;
        this.documents = documents;
        this.clock = clock;
    }

    public ReferralChecks.Choices choices(long partnershipId) {
        Set<Long> districts = organisation.districtsOf(partnershipId).stream()
                .map(DistrictSummary::id)
                .collect(Collectors.toSet());
        Set<Long> agencies = organisation.agenciesOf(partnershipId).stream()
                .map(AgencySummary::id)
                .collect(Collectors.toSet());
        return new ReferralChecks.Choices(LocalDate.now(clock), districts, agencies);
    }

    /** The choices on the form for one partnership. */
    public void options(Model model, long partnershipId) {
        model.addAttribute("harmOptions", CaseVocabulary.options(CaseVocabulary.HARM));
        model.addAttribute("abuseOptions", CaseVocabulary.options(CaseVocabulary.ABUSE_OR_NEGLECT));
        model.addAttribute("yesNoOptions", List.of(new Option("yes", "Yes"), new Option("no", "No")));
        model.addAttribute("genderOptions", CaseVocabulary.options(CaseVocabulary.GENDER));
        model.addAttribute("ethnicityOptions", CaseVocabulary.options(CaseVocabulary.ETHNICITY));
        model.addAttribute("disabilityOptions", CaseVocabulary.options(CaseVocabulary.DISABILITY));
        model.addAttribute("statusOptions", CaseVocabulary.options(CaseVocabulary.STATUTORY_STATUS));
        model.addAttribute(
                "districtOptions",
                organisation.districtsOf(partnershipId).stream()
                        .map(d -> Option.of(d.id(), d.name()))
                        .toList());
        model.addAttribute(
                "agencyOptions",
                organisation.agenciesOf(partnershipId).stream()
                        .map(a -> Option.of(a.id(), a.name()))
                        .toList());
        model.addAttribute("maxFileSize", documents.maxSizeLabel());
        model.addAttribute("maxFiles", Referrals.MAX_ATTACHMENTS);
    }

    /**
     * The files chosen, each checked for size and real type; every problem goes to the error summary against the
     * file field. At most {@code room} files may be added.
     */
    public List<Upload> files(@Nullable List<MultipartFile> chosen, int room, BindingResult errors) {
        List<Upload> uploads = new ArrayList<>();
        if (chosen != null) {
            for (MultipartFile file : chosen) {
                Upload upload = Upload.of(file);
                if (upload != null) {
                    uploads.add(upload);
                }
            }
        }
        if (uploads.size() > room) {
            errors.rejectValue(
                    "attachments",
                    "count",
                    room == Referrals.MAX_ATTACHMENTS
                            ? "Select up to " + Referrals.MAX_ATTACHMENTS + " files"
                            : "Select up to " + room + " more files (a referral can have " + Referrals.MAX_ATTACHMENTS
                                    + ")");
            return List.of();
        }
        for (Upload upload : uploads) {
            try {
                documents.check(upload);
            } catch (DocumentRejected e) {
                errors.rejectValue("attachments", "file", e.getMessage());
            }
        }
        return uploads;
    }

    /** When the form is refused, chosen files are not kept: the person is told to choose them again. */
    public static void chooseFilesAgain(List<Upload> uploads, BindingResult errors) {
        if (!uploads.isEmpty() && !errors.hasFieldErrors("attachments")) {
            errors.rejectValue(
                    "attachments",
                    "again",
                    "Choose your files again: files are not kept when there is a problem with the form");
        }
    }
}
