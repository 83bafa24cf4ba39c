package org.safeguardinghub.documents;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores and serves documents that belong to other modules' records. The owning module decides who may read its
 * record and only then asks for the document by id <em>and</em> owner, so an id from another record is never
 * served. Every file is checked for size and real type before it is kept.
 */
@Service
public class Documents {

    /** Longest file name kept; longer names are shortened, keeping the extension. */
    static final int MAX_NAME = 120;

    private final DocumentRecords records;
    private final AuditTrail audit;
    private final long maxBytes;

    Documents(
            DocumentRecords records,
            AuditTrail audit,
            @Value("${hub.documents.max-file-size:10485760}") long maxBytes) {
        this.records = records;
        this.audit = audit;
        this.maxBytes = maxBytes;
    }

    /** The largest file accepted, for hints on forms ("up to 10 MB"). */
    public String maxSizeLabel() {
        return (maxBytes / (1024 * 1024)) + " MB";
    }

    /**
     * Checks a file without storing it, so a form can report every problem at once.
     *
     * @throws DocumentRejected with a message for the person who chose the file
     */
    public DocumentKind check(Upload upload) {
        String name = safeName(upload.fileName());
        if (upload.content().length == 0) {
            throw new DocumentRejected("The selected file " + name + " is empty");
        }
        if (upload.content().length > maxBytes) {
            throw new DocumentRejected("The selected file " + name + " must be smaller than " + maxSizeLabel());
        }
        DocumentKind kind = DocumentKind.byName(name)
                .orElseThrow(
                        () -> new DocumentRejected("The selected file " + name + " must be a PDF, DOCX, PNG or JPG"));
        if (!kind.matches(upload.content())) {
            throw new DocumentRejected("The selected file " + name + " is not a real " + kind.label()
                    + "; save it again as a " + kind.label() + " and upload that");
        }
        return kind;
    }

    /**
     * Checks and stores a file for a record, in the caller's transaction, and audits it.
     *
     * @param agencyId the agency whose document it is when only that agency (and partnership-wide roles) may see it
     */
    @Transactional
    public DocumentSummary store(
            long partnershipId,
            @Nullable Long agencyId,
            String ownerType,
            long ownerId,
            Upload upload,
            @Nullable String description) {
        DocumentKind kind = check(upload);
        String name = safeName(upload.fileName());
        Optional<Actor> actor = Actors.current();
        String by = actor.map(Actor::displayName).orElse("Public notifier");
        long id = records.insert(new DocumentRecords.NewDocument(
                partnershipId,
                agencyId,
                ownerType,
                ownerId,
                name,
                kind.contentType(),
                upload.content(),
                sha256(upload.content()),
                description,
                actor.map(Actor::userId).orElse(null),
                by));
        audit.created(
                "document",
                id,
                Map.of("file", name, "owner", ownerType + " " + ownerId, "size", upload.content().length));
        return list(ownerType, ownerId).stream()
                .filter(d -> d.id() == id)
                .findFirst()
                .orElseThrow();
    }

    /** The documents of one record, oldest first. */
    public List<DocumentSummary> list(String ownerType, long ownerId) {
        return list(ownerType, List.of(ownerId)).getOrDefault(ownerId, List.of());
    }

    /** The documents of several records in one query, by owner id. */
    public Map<Long, List<DocumentSummary>> list(String ownerType, Collection<Long> ownerIds) {
        return records.byOwner(ownerType, ownerIds);
    }

    /** A document of the given record; empty if the id belongs to another record (or another agency). Audited. */
    @Transactional
    public Optional<DocumentContent> read(long id, String ownerType, long ownerId) {
        Optional<DocumentContent> content = records.content(id, ownerType, ownerId);
        content.ifPresent(c -> audit.readSensitive("document", c.id()));
        return content;
    }

    /** Serves a document as a download, never rendered inline in the Hub's origin. */
    public static ResponseEntity<byte[]> download(DocumentContent document) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(document.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(document.content());
    }

    /** The last path segment, without control characters, at most {@link #MAX_NAME} characters. */
    static String safeName(String original) {
        String name = original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.replaceAll("[\\p{Cntrl}\"<>|:*?]", "_").strip();
        if (name.isEmpty()) {
            name = "file";
        }
        if (name.length() > MAX_NAME) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 6 ? name.substring(dot) : "";
            name = name.substring(0, MAX_NAME - ext.length()) + ext;
        }
        return name;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
