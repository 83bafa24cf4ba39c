package org.safeguardinghub.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.TestPropertySource;

/**
 * Uploaded files are checked by their real content, not their name, kept with a checksum, and served back only for
 * the record they belong to.
 *
 * <p>A module test: only the documents module and what it uses (the audit trail, the platform) are started, on the
 * real database, without the demo data.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
// the readiness group names the calendar module's health check, which a module test may not start
@TestPropertySource(properties = "management.endpoint.health.validate-group-membership=false")
class DocumentsTests {

    /** A partnership id of the test's own: documents name their partnership without a foreign key. */
    private static final long PARTNERSHIP = 9_300_001L;

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    Documents documents;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRealPdfIsStoredWithItsChecksumAndAuditedAndListedForItsOwner() {
        long owner = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        DocumentSummary stored =
                documents.store(kent(), null, "test-owner", owner, new Upload("Agenda 12 May.pdf", PDF), "Agenda");

        assertThat(stored.fileName()).isEqualTo("Agenda 12 May.pdf");
        assertThat(stored.contentType()).isEqualTo("application/pdf");
        assertThat(documents.list("test-owner", owner))
                .extracting(DocumentSummary::id)
                .containsExactly(stored.id());
        assertThat(jdbc.sql("select sha256 from document where id = :id")
                        .param("id", stored.id())
                        .query(String.class)
                        .single())
                .hasSize(64);
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'document' and record_id = :id")
                        .param("id", String.valueOf(stored.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(documents.read(stored.id(), "test-owner", owner))
                .get()
                .extracting(DocumentContent::content)
                .isEqualTo(PDF);
    }

    @Test
    void aDocumentIsNeverServedForAnotherRecord() {
        long owner = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        DocumentSummary stored = documents.store(kent(), null, "test-owner", owner, new Upload("a.pdf", PDF), null);

        assertThat(documents.read(stored.id(), "test-owner", owner + 1)).isEmpty();
        assertThat(documents.read(stored.id(), "another-type", owner)).isEmpty();
    }

    @Test
    void aRenamedWebPageIsRefusedWithAMessageForThePersonWhoChoseIt() {
        Upload fake = new Upload("report.pdf", "<html><script>alert(1)</script></html>".getBytes());

        assertThatThrownBy(() -> documents.check(fake))
                .isInstanceOf(DocumentRejected.class)
                .hasMessage("The selected file report.pdf is not a real PDF; save it again as a PDF and upload that");
    }

    @Test
    void otherFileTypesAndEmptyFilesAreRefused() {
        assertThatThrownBy(() -> documents.check(new Upload("run.exe", new byte[] {0x4D, 0x5A})))
                .hasMessage("The selected file run.exe must be a PDF, DOCX, PNG or JPG");
        assertThatThrownBy(() -> documents.check(new Upload("empty.pdf", new byte[0])))
                .hasMessage("The selected file empty.pdf is empty");
    }

    @Test
    void filesOverTheLimitAreRefused() {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);

        assertThatThrownBy(() -> documents.check(new Upload("big.pdf", big)))
                .hasMessage("The selected file big.pdf must be smaller than 10 MB");
    }

    @Test
    void imagesAreRecognisedByTheirFirstBytes() {
        byte[] png = {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0};

        assertThat(documents.check(new Upload("bruise.PNG", png))).isEqualTo(DocumentKind.PNG);
        assertThat(documents.check(new Upload("photo.jpeg", jpeg))).isEqualTo(DocumentKind.JPEG);
        assertThatThrownBy(() -> documents.check(new Upload("photo.jpg", png))).isInstanceOf(DocumentRejected.class);
    }

    @Test
    void fileNamesLoseTheirPathAndControlCharacters() {
        assertThat(Documents.safeName("C:\\Users\\x\\Desktop\\minutes.docx")).isEqualTo("minutes.docx");
        assertThat(Documents.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Documents.safeName("a\u0000b\"c.pdf")).isEqualTo("a_b_c.pdf");
        assertThat(Documents.safeName("x".repeat(300) + ".pdf"))
                .hasSize(Documents.MAX_NAME)
                .endsWith(".pdf");
    }

    private long kent() {
        return PARTNERSHIP;
    }
}
