package org.safeguardinghub.learning;

import java.util.List;
import org.springframework.stereotype.Service;

/** Recommendations as other modules see them: the ones that came from a given source record. */
@Service
public class Recommendations {

    private final RecommendationSummaryRecords records;

    Recommendations(RecommendationSummaryRecords records) {
        this.records = records;
    }

    /** The recommendations from one source record (for example a practice review), in reference order. */
    public List<RecommendationSummary> forSource(long partnershipId, RecommendationSource source, long sourceId) {
        return records.forSource(partnershipId, source, sourceId);
    }
}
