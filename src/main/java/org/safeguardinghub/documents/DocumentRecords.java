package org.safeguardinghub.documents;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code document} table. {@link Documents} checks a file and decides what to keep; this store writes it and
 * reads it back, always by owner type and owner id, so a document is only found through the record it belongs to.
 */
@Repository
class DocumentRecords {

    private final JdbcClient jdbc;

    DocumentRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A checked file and where it belongs, as stored. */
    record NewDocument(
            long partnershipId,
            @Nullable Long agencyId,
            String ownerType,
            long ownerId,
            String fileName,
            String contentType,
            byte[] content,
            String sha256,
            @Nullable String description,
            @Nullable Long uploadedBy,
            String uploadedByName) {}

    long insert(NewDocument d) {
        return jdbc.sql("""
                        insert into document (partnership_id, agency_id, owner_type, owner_id, file_name, content_type,
                                              size_bytes, sha256, content, description, uploaded_by, uploaded_by_name)
                        values (:p, :agency, :type, :owner, :name, :ct, :size, :sha, :content, :desc, :by, :byName)
                        returning id""")
                .param("p", d.partnershipId())
                .param("agency", d.agencyId())
                .param("type", d.ownerType())
                .param("owner", d.ownerId())
                .param("name", d.fileName())
                .param("ct", d.contentType())
                .param("size", d.content().length)
                .param("sha", d.sha256())
                .param("content", d.content())
                .param("desc", d.description())
                .param("by", d.uploadedBy())
                .param("byName", d.uploadedByName())
                .query(Long.class)
                .single();
    }

    /** The documents of several records, by owner id, each oldest first. */
    Map<Long, List<DocumentSummary>> byOwner(String ownerType, Collection<Long> ownerIds) {
        Map<Long, List<DocumentSummary>> byOwner = new LinkedHashMap<>();
        if (ownerIds.isEmpty()) {
            return byOwner;
        }
        jdbc.sql("""
                        select id, owner_id, file_name, content_type, size_bytes, description, uploaded_by_name,
                               uploaded_at
                        from document where owner_type = :type and owner_id in (:ids)
                        order by uploaded_at, id""")
                .param("type", ownerType)
                .param("ids", ownerIds)
                .query((rs, n) -> {
                    byOwner.computeIfAbsent(rs.getLong("owner_id"), k -> new ArrayList<>())
                            .add(new DocumentSummary(
                                    rs.getLong("id"),
                                    rs.getString("file_name"),
                                    rs.getString("content_type"),
                                    rs.getLong("size_bytes"),
                                    rs.getString("description"),
                                    rs.getString("uploaded_by_name"),
                                    rs.getObject("uploaded_at", Timestamp.class).toInstant()));
                    return null;
                })
                .list();
        return byOwner;
    }

    Optional<DocumentContent> content(long id, String ownerType, long ownerId) {
        return jdbc.sql("""
                        select id, file_name, content_type, content from document
                        where id = :id and owner_type = :type and owner_id = :owner""")
                .param("id", id)
                .param("type", ownerType)
                .param("owner", ownerId)
                .query((rs, n) -> new DocumentContent(
                        rs.getLong("id"),
                        rs.getString("file_name"),
                        rs.getString("content_type"),
                        rs.getBytes("content")))
                .optional();
    }
}
