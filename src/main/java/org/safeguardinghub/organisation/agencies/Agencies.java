package org.safeguardinghub.organisation.agencies;

import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.organisation.AgencyType;
import org.safeguardinghub.platform.web.PageResult;
import org.springframework.stereotype.Service;

/**
 * Agencies as the rest of the Hub reads them: by id, within a partnership, by search, and whether a name is
 * already used. It keeps the look-ups callers already know and leaves the SQL to {@link AgencyRecords}; changes go
 * through {@link AgencyAdministration}, which audits them.
 */
@Service
public class Agencies {

    private final AgencyRecords records;

    Agencies(AgencyRecords records) {
        this.records = records;
    }

    public Optional<Agency> byId(long id) {
        return records.byId(id);
    }

    /** An agency, only if it serves the given partnership: an agency of another partnership is not found. */
    public Optional<Agency> inPartnership(long partnershipId, long id) {
        return records.inPartnership(partnershipId, id);
    }

    /**
     * Agencies in a partnership matching a search, paged. Archived agencies are included only when asked for.
     *
     * @param partnershipId null for every partnership
     */
    public PageResult<Agency> search(
            @Nullable Long partnershipId,
            @Nullable String text,
            @Nullable AgencyType type,
            boolean includeArchived,
            int page,
            int size) {
        return records.search(partnershipId, text, type, includeArchived, page, size);
    }

    public boolean nameTaken(String name, @Nullable Long exceptId) {
        return records.nameTaken(name, exceptId);
    }

    /** Every agency name in lower case, for checking a whole import file against the Hub with one query. */
    public Set<String> lowerCaseNames() {
        return records.lowerCaseNames();
    }
}
