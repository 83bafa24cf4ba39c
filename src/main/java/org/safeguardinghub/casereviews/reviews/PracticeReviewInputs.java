package org.safeguardinghub.casereviews.reviews;

import org.jspecify.annotations.Nullable;
import org.safeguardinghub.documents.DocumentKind;
import org.safeguardinghub.documents.DocumentRejected;
import org.safeguardinghub.documents.Documents;
import org.safeguardinghub.documents.Upload;
import org.safeguardinghub.organisation.AgencySummary;
import org.safeguardinghub.organisation.Organisation;
import org.safeguardinghub.platform.security.Actors;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.web.multipart.MultipartFile;

/**
 * Reads the inputs of a practice review's section forms that need another module to check: a chosen file (type and
 * size, by the documents module) and a chosen agency (one of the user's partnership). What is wrong is recorded on
 * the form's errors and the value read as absent.
 */
@Component
public class PracticeReviewInputs {

    private final Documents documents;
    private final Organisation organisation;

    PracticeReviewInputs(Documents documents, Organisation organisation) {
        this.documents = documents;
        this.organisation = organisation;
    }

    @Nullable
    public Upload upload(@Nullable MultipartFile file, BindingResult errors, String field) {
        Upload upload = Upload.of(file);
        if (upload == null) {
            return null;
        }
        try {
            DocumentKind kind = documents.check(upload);
            return kind == null ? null : upload;
        } catch (DocumentRejected e) {
            errors.rejectValue(field, "file", e.getMessage());
            return null;
        }
    }

    @Nullable
    public String agencyName(@Nullable Long agencyId, BindingResult errors, String field) {
        if (agencyId == null) {
            return null;
        }
        return organisation.agenciesOf(Actors.require().partnershipId()).stream()
                .filter(a -> a.id() == agencyId)
                .map(AgencySummary::name)
                .findFirst()
                .orElseGet(() -> {
                    errors.rejectValue(field, "invalid", "Select an agency from the list");
                    return null;
                });
    }
}
