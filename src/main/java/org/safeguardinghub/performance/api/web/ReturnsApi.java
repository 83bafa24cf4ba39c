package org.safeguardinghub.performance.api.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.performance.api.ApiReturnRecords;
import org.safeguardinghub.performance.catalogue.Breakdown;
import org.safeguardinghub.performance.catalogue.Catalogue;
import org.safeguardinghub.performance.catalogue.Frequency;
import org.safeguardinghub.performance.catalogue.Period;
import org.safeguardinghub.performance.returns.CellProblem;
import org.safeguardinghub.performance.returns.Channel;
import org.safeguardinghub.performance.returns.DataReturns;
import org.safeguardinghub.performance.returns.SaveResult;
import org.safeguardinghub.performance.returns.ValueEntry;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.web.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The data returns API for agencies' own systems. The token decides the agency: there is no agency parameter, so a
 * token can only ever read and write its own agency's returns. Figures go through the same checks as the form.
 */
@RestController
@RequestMapping(
        path = "/api/v1",
        produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "Data returns", description = "An agency's data items and its returns of figures")
@SecurityScheme(
        name = "token",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "An API token created by the agency lead on the Data returns pages (API tokens)")
@SecurityRequirement(name = "token")
class ReturnsApi {

    private final Catalogue catalogue;
    private final DataReturns returns;
    private final ApiReturnRecords records;
    private final Clock clock;

    ReturnsApi(Catalogue catalogue, DataReturns returns, ApiReturnRecords records, Clock clock) {
        this.catalogue = catalogue;
        this.returns = returns;
        this.records = records;
        this.clock = clock;
    }

    /** A data item the token's agency returns. */
    record ItemJson(
            @Schema(example = "children_in_custody") String code,

            @Schema(example = "Children held in police custody overnight")
            String name,

            String definition,
            @Schema(example = "MONTHLY") String frequency,
            @Schema(example = "MONTHLY") String periodType,
            @Schema(example = "[\"DISTRICT\"]") List<String> breakdowns,
            boolean required) {}

    /** One figure: an item's total (breakdown and breakdownValue empty) or one breakdown value. */
    record ValueJson(
            @Schema(example = "children_in_custody") String item,

            @Schema(example = "", description = "empty for the total, or DISTRICT, AGE_BAND, GENDER, ETHNICITY")
            @Nullable
            String breakdown,

            @Schema(example = "", description = "empty for the total, or e.g. the district's name") @Nullable
            String breakdownValue,

            @Schema(example = "150") @Nullable String value,
            @Nullable String comment) {}

    record ReturnJson(
            @Schema(example = "MONTHLY") String frequency,
            @Schema(example = "2026-03-31") LocalDate periodEnd,
            @Schema(example = "Mar 2026") String period,

            @Schema(example = "DRAFT", description = "DRAFT, SUBMITTED, RETURNED or ACCEPTED")
            String status,

            LocalDate dueOn,
            @Nullable Instant submittedAt,
            @Nullable String returnedComment,
            List<ValueJson> values) {}

    record SaveRequest(
            @Nullable List<ValueJson> values,

            @Schema(description = "commentary by indicator code, needed to submit figures that turn an indicator red")
            @Nullable
            Map<String, String> commentary,

            @Schema(description = "true to submit the return as well as save it") @Nullable
            Boolean submit) {}

    record ProblemJson(
            String item,
            String breakdown,
            String breakdownValue,

            @Schema(
                    example = "value",
                    description = "value, comment, commentary, item_code, breakdown, breakdown_value or periodEnd")
            String field,

            String message) {}

    record ProblemsJson(String title, int status, List<ProblemJson> problems) {

        ProblemsJson(List<ProblemJson> problems) {
            this("The figures were not saved: see the problems", 422, problems);
        }
    }

    record ErrorJson(String title, int status) {}

    @GetMapping("/items")
    @Operation(summary = "The data items your agency returns", description = "Active items, ordered by name.")
    List<ItemJson> items() {
        Actor actor = Actors.require();
        return catalogue.itemsOf(actor.partnershipId(), agency(actor)).stream()
                .map(i -> new ItemJson(
                        i.code(),
                        i.name(),
                        i.definition(),
                        i.frequency().name(),
                        i.periodType().name(),
                        i.breakdowns().stream().map(Breakdown::name).sorted().toList(),
                        i.required()))
                .toList();
    }

    @GetMapping("/returns/{frequency}/{periodEnd}")
    @Operation(
            summary = "Your agency's return for a period",
            description = "Its status and every figure in it. 404 when nothing has been returned for the period.")
    @ApiResponse(responseCode = "200", description = "The return")
    @ApiResponse(
            responseCode = "404",
            description = "No return for that period",
            content = @Content(schema = @Schema(implementation = ErrorJson.class)))
    ReturnJson read(
            @Parameter(example = "MONTHLY") @PathVariable String frequency,
            @Parameter(example = "2026-03-31") @PathVariable String periodEnd) {
        Actor actor = Actors.require();
        Period period = period(frequency, periodEnd);
        return find(actor, period).orElseThrow(() -> new NotFoundException("Return"));
    }

    @PutMapping(path = "/returns/{frequency}/{periodEnd}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Save (and optionally submit) figures in your agency's return",
            description = "Every cell is checked; when any has a problem nothing is saved and the problems are listed"
                    + " (422). Values not sent are left as they are.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schema = @Schema(implementation = SaveRequest.class),
                                            examples = @ExampleObject(name = "A monthly figure", value = """
                                            {"values":[{"item":"children_in_custody","breakdown":"",\
                                            "breakdownValue":"","value":"150","comment":null}],\
                                            "commentary":{"cp_rate":"Explained by a change in recording"},\
                                            "submit":false}"""))))
    @ApiResponse(responseCode = "200", description = "Saved; the return as it now is")
    @ApiResponse(
            responseCode = "422",
            description = "Problems by item and cell; nothing was saved",
            content =
                    @Content(
                            schema = @Schema(implementation = ProblemsJson.class),
                            examples = @ExampleObject(value = """
                                    {"problems":[{"item":"children_in_custody","breakdown":"",\
                                    "breakdownValue":"","field":"value","message":"Enter a whole number"}]}""")))
    ResponseEntity<?> save(
            @Parameter(example = "MONTHLY") @PathVariable String frequency,
            @Parameter(example = "2026-03-31") @PathVariable String periodEnd,
            @RequestBody SaveRequest body) {
        Actor actor = Actors.require();
        Period period = period(frequency, periodEnd);
        Period inProgress = Period.containing(period.frequency(), LocalDate.now(clock));
        if (period.end().isAfter(inProgress.end())) {
            return problems(new ProblemJson(
                    "",
                    "",
                    "",
                    "periodEnd",
                    period.label() + " has not started: figures can be sent for periods up to " + inProgress.label()
                            + ", the period in progress"));
        }
        List<ValueEntry> entries = body.values() == null
                ? List.of()
                : body.values().stream()
                        .map(v -> new ValueEntry(
                                v.item() == null ? "" : v.item(),
                                v.breakdown() == null ? "" : v.breakdown(),
                                v.breakdownValue() == null ? "" : v.breakdownValue(),
                                v.value() == null ? "" : v.value(),
                                v.comment()))
                        .toList();
        SaveResult result = returns.save(
                actor,
                agency(actor),
                period.frequency(),
                period.end(),
                entries,
                body.commentary() == null ? Map.of() : body.commentary(),
                Channel.API,
                Boolean.TRUE.equals(body.submit()));
        if (!result.problems().isEmpty()) {
            return problems(result.problems().stream().map(ReturnsApi::problem).toArray(ProblemJson[]::new));
        }
        return ResponseEntity.ok(find(actor, period).orElseThrow(() -> new NotFoundException("Return")));
    }

    private static ResponseEntity<ProblemsJson> problems(ProblemJson... problems) {
        return ResponseEntity.unprocessableContent()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(new ProblemsJson(List.of(problems)));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ErrorJson> notFound(NotFoundException e) {
        return ResponseEntity.status(404)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(new ErrorJson(e.getMessage(), 404));
    }

    @ExceptionHandler({IllegalArgumentException.class, IllegalStateException.class})
    ResponseEntity<ErrorJson> badRequest(RuntimeException e) {
        return ResponseEntity.status(400)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(new ErrorJson(e.getMessage(), 400));
    }

    private static ProblemJson problem(CellProblem p) {
        return new ProblemJson(p.itemCode(), p.breakdownKind(), p.breakdownValue(), p.field(), p.message());
    }

    private static long agency(Actor actor) {
        Long agency = actor.agencyId();
        if (agency == null) {
            throw new NotFoundException("Agency");
        }
        return agency;
    }

    private static Period period(String frequency, String periodEnd) {
        Frequency f;
        try {
            f = Frequency.valueOf(frequency.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Frequency must be MONTHLY, QUARTERLY or ANNUAL");
        }
        try {
            return Period.endingOn(f, LocalDate.parse(periodEnd));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("The period end must be a date such as 2026-03-31");
        }
    }

    /** The agency's return with its values: one query per table. */
    private Optional<ReturnJson> find(Actor actor, Period period) {
        long agency = agency(actor);
        Optional<ApiReturnRecords.Head> head = records.head(actor.partnershipId(), agency, period);
        if (head.isEmpty()) {
            return Optional.empty();
        }
        List<ValueJson> values = records.values(head.get().id(), actor.partnershipId(), agency).stream()
                .map(v -> new ValueJson(v.item(), v.breakdown(), v.breakdownValue(), v.value(), v.comment()))
                .toList();
        ApiReturnRecords.Head h = head.get();
        return Optional.of(new ReturnJson(
                period.frequency().name(),
                period.end(),
                period.label(),
                h.status(),
                h.dueOn(),
                h.submittedAt(),
                h.comment(),
                values));
    }
}
