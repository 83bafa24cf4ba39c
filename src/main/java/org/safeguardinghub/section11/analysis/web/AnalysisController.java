package org.safeguardinghub.section11.analysis.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.BiConsumer;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.platform.export.ExportFormat;
import org.safeguardinghub.platform.export.ExportResponse;
import org.safeguardinghub.platform.export.Table;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.section11.Section11Access;
import org.safeguardinghub.section11.access.ReturnAccess;
import org.safeguardinghub.section11.analysis.AnalysisRecords;
import org.safeguardinghub.section11.analysis.AnalysisRecords.Cycle;
import org.safeguardinghub.section11.analysis.AnalysisReports;
import org.safeguardinghub.section11.analysis.CycleAnalysis;
import org.safeguardinghub.section11.analysis.CycleAnalysis.Analysis;
import org.safeguardinghub.section11.analysis.CycleAnalysis.DataRow;
import org.safeguardinghub.section11.analysis.CyclePublication;
import org.safeguardinghub.section11.analysis.ReportDocument;
import org.safeguardinghub.section11.analysis.ReportDocx;
import org.safeguardinghub.section11.analysis.ReportPdf;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A cycle's analysis and its downloads, and publishing it. Until the business team publishes, only people who may
 * manage Section 11 see any of it; everyone else gets the same 404 as for a cycle that does not exist. Afterwards
 * anyone of a partnership in the cycle whose role reaches Section 11 or reports (agency leads, invited colleagues,
 * panel members, the scrutineer) reads it. Figures are always those of the person's current partnership: its
 * agencies, and its own panel's moderated scores.
 */
@Controller
class AnalysisController {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final AnalysisRecords data;
    private final CycleAnalysis analysis;
    private final ReturnAccess access;
    private final AuditTrail audit;
    private final CyclePublication publication;

    AnalysisController(
            AnalysisRecords data,
            CycleAnalysis analysis,
            ReturnAccess access,
            AuditTrail audit,
            CyclePublication publication) {
        this.data = data;
        this.publication = publication;
        this.analysis = analysis;
        this.access = access;
        this.audit = audit;
    }

    @GetMapping("/section11/cycles/{id}/analysis")
    String page(@PathVariable long id, Model model) {
        Actor actor = Actors.require();
        Cycle cycle = readable(id, actor);
        model.addAttribute("a", analysis.analyse(cycle, actor.partnershipId(), actor.partnershipName()));
        model.addAttribute("canManage", actor.can(Section11Access.SECTION11_MANAGE));
        return "section11/analysis/analysis";
    }

    @GetMapping({"/section11/cycles/{id}/analysis/data.csv", "/section11/cycles/{id}/analysis/data.xlsx"})
    void data(@PathVariable long id, jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response) {
        Analysis a = analyse(id);
        ExportFormat format = request.getRequestURI().endsWith(".xlsx") ? ExportFormat.XLSX : ExportFormat.CSV;
        Table table = Table.of(
                "Section 11 scores",
                List.of(
                        "Agency",
                        "Sector",
                        "Standard code",
                        "Standard",
                        "Self score",
                        "Moderated score",
                        "Previous cycle score",
                        "Previous cycle score basis"),
                a.data().stream().map(DataRow::cells).toList());
        audit.event(AuditAction.EXPORT, "s11-cycle", id, "Section 11 analysis data, " + format.label());
        ExportResponse.send(response, format, a.cycle().name() + " data", table);
    }

    @GetMapping("/section11/cycles/{id}/analysis/report.pdf")
    void reportPdf(@PathVariable long id, HttpServletResponse response) {
        Analysis a = analyse(id);
        send(response, id, "report", "pdf", "application/pdf", AnalysisReports.report(a), ReportPdf::write);
    }

    @GetMapping("/section11/cycles/{id}/analysis/report.docx")
    void reportDocx(@PathVariable long id, HttpServletResponse response) {
        Analysis a = analyse(id);
        send(response, id, "report", "docx", DOCX, AnalysisReports.report(a), ReportDocx::write);
    }

    @GetMapping("/section11/cycles/{id}/analysis/themes.pdf")
    void themesPdf(@PathVariable long id, HttpServletResponse response) {
        requireBusinessTeam();
        Analysis a = analyse(id);
        send(response, id, "themes", "pdf", "application/pdf", AnalysisReports.themes(a), ReportPdf::write);
    }

    @GetMapping("/section11/cycles/{id}/analysis/themes.docx")
    void themesDocx(@PathVariable long id, HttpServletResponse response) {
        requireBusinessTeam();
        Analysis a = analyse(id);
        send(response, id, "themes", "docx", DOCX, AnalysisReports.themes(a), ReportDocx::write);
    }

    /**
     * The themes document is the business team's draft (it quotes the panel's notes and meetings, which name
     * agencies), so it is never shown to others, even after publication.
     */
    private static void requireBusinessTeam() {
        if (!Actors.require().can(Section11Access.SECTION11_MANAGE)) {
            throw new NotFoundException("Section 11 themes document");
        }
    }

    @GetMapping("/section11/cycles/{id}/publish")
    String confirmPublish(@PathVariable long id, Model model) {
        Actor actor = Actors.require();
        Cycle cycle = readable(id, actor);
        model.addAttribute("a", analysis.analyse(cycle, actor.partnershipId(), actor.partnershipName()));
        return "section11/analysis/publish";
    }

    @PostMapping("/section11/cycles/{id}/publish")
    String publish(@PathVariable long id, RedirectAttributes flash) {
        Actor actor = Actors.require();
        Cycle cycle = readable(id, actor);
        if (publication.publish(id, actor.displayName())) {
            flash.addFlashAttribute(
                    "flash",
                    "Analysis published: agencies, panel members and the scrutineer of the partnerships in "
                            + cycle.name() + " can now read it");
        } else {
            flash.addFlashAttribute("flash", "The analysis was already published");
        }
        return "redirect:/section11/cycles/" + id + "/analysis";
    }

    /**
     * The cycle if the person may see its analysis: it must run in their current partnership, and before
     * publication they must manage Section 11. Anything else is a 404, whatever the reason.
     */
    private Cycle readable(long id, Actor actor) {
        Cycle cycle = data.cycle(id).orElseThrow(() -> new NotFoundException("Section 11 cycle"));
        if (!access.cycleVisible(id)) {
            throw new NotFoundException("Section 11 cycle");
        }
        if (!cycle.published() && !actor.can(Section11Access.SECTION11_MANAGE)) {
            throw new NotFoundException("Section 11 cycle");
        }
        return cycle;
    }

    private Analysis analyse(long id) {
        Actor actor = Actors.require();
        return analysis.analyse(readable(id, actor), actor.partnershipId(), actor.partnershipName());
    }

    private void send(
            HttpServletResponse response,
            long cycleId,
            String what,
            String extension,
            String contentType,
            ReportDocument document,
            BiConsumer<ReportDocument, OutputStream> writer) {
        audit.event(AuditAction.EXPORT, "s11-cycle", cycleId, "Section 11 " + what + ", " + extension.toUpperCase());
        String fileName =
                ExportResponse.fileName(document.title() + " " + what, LocalDate.now(LONDON), ExportFormat.CSV)
                                .replaceAll("\\.csv$", "")
                        + "." + extension;
        response.setContentType(contentType);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8)
                        .build()
                        .toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        try {
            OutputStream out = response.getOutputStream();
            writer.accept(document, out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not send the " + what, e);
        }
    }
}
