package org.safeguardinghub.performance.returns;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.safeguardinghub.performance.catalogue.Frequency;
import org.safeguardinghub.platform.security.Actor;
import org.springframework.stereotype.Service;

/**
 * Agencies' data returns: the one way figures get into a return, whatever the channel (form, spreadsheet upload,
 * API, record-level extract). Checks every cell and writes all or nothing.
 *
 * <p>CONTRACT STUB written by the lead: helper B implements the bodies; helper C (API, extracts) calls them.
 */
@Service
public class DataReturns {

    /**
     * Saves figures into the agency's return for the period ending {@code periodEnd} (creating the draft return if
     * there is none). An agency-scoped actor may only save for their own agency (another agency: NotFoundException).
     * With {@code submit} the return is also submitted, which additionally requires every required item, a comment
     * on every outlier and commentary on every indicator the figures would turn red ({@code commentary} by
     * indicator code). An accepted return is locked: a problem says so, with who accepted it and when.
     */
    public SaveResult save(
            Actor actor,
            long agencyId,
            Frequency frequency,
            LocalDate periodEnd,
            List<ValueEntry> entries,
            Map<String, String> commentary,
            Channel channel,
            boolean submit) {
        throw new UnsupportedOperationException("data returns not implemented yet");
    }
}
