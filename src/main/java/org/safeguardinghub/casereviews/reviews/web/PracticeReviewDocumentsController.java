package org.safeguardinghub.casereviews.reviews.web;

import org.safeguardinghub.casereviews.reviews.PracticeReview;
import org.safeguardinghub.casereviews.reviews.PracticeReviewDesk;
import org.safeguardinghub.casereviews.reviews.PracticeReviewRecords;
import org.safeguardinghub.documents.Documents;
import org.safeguardinghub.platform.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Downloads of a practice review's documents: meeting agendas and minutes, agency reports and the review's own
 * reports. Each is found through the review it belongs to, so a document of another partnership's review is a 404.
 * Reading needs cases:view (route rules).
 */
@Controller
class PracticeReviewDocumentsController {

    private final PracticeReviewRecords reviews;
    private final PracticeReviewDesk desk;
    private final Documents documents;

    PracticeReviewDocumentsController(PracticeReviewRecords reviews, PracticeReviewDesk desk, Documents documents) {
        this.reviews = reviews;
        this.desk = desk;
        this.documents = documents;
    }

    @GetMapping("/reviews/{id}/meetings/{meetingId}/documents/{documentId}")
    ResponseEntity<byte[]> meetingDocument(
            @PathVariable long id, @PathVariable long meetingId, @PathVariable long documentId) {
        PracticeReview review = desk.find(id);
        reviews.meeting(review.id(), meetingId).orElseThrow(() -> new NotFoundException("Panel meeting"));
        return Documents.download(documents
                .read(documentId, PracticeReviewDesk.MEETING_DOCUMENTS, meetingId)
                .orElseThrow(() -> new NotFoundException("Document")));
    }

    @GetMapping("/reviews/{id}/requests/{requestId}/documents/{documentId}")
    ResponseEntity<byte[]> requestDocument(
            @PathVariable long id, @PathVariable long requestId, @PathVariable long documentId) {
        PracticeReview review = desk.find(id);
        reviews.agencyReports(review.partnershipId(), review.id()).stream()
                .filter(r -> r.id() == requestId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Agency request"));
        return Documents.download(documents
                .read(documentId, PracticeReviewDesk.REQUEST_DOCUMENTS, requestId)
                .orElseThrow(() -> new NotFoundException("Document")));
    }

    @GetMapping("/reviews/{id}/documents/{documentId}")
    ResponseEntity<byte[]> reviewDocument(@PathVariable long id, @PathVariable long documentId) {
        PracticeReview review = desk.find(id);
        return Documents.download(documents
                .read(documentId, PracticeReviewDesk.REVIEW_DOCUMENTS, review.id())
                .orElseThrow(() -> new NotFoundException("Document")));
    }
}
