package org.safeguardinghub.organisation.agencies;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.safeguardinghub.imports.ImportColumn;
import org.safeguardinghub.imports.ImportContext;
import org.safeguardinghub.imports.ImportKind;
import org.safeguardinghub.imports.ImportProblem;
import org.safeguardinghub.imports.ImportRejected;
import org.safeguardinghub.imports.ImportRow;
import org.safeguardinghub.imports.RowChecks;
import org.safeguardinghub.organisation.AgencyType;
import org.safeguardinghub.organisation.Sector;
import org.safeguardinghub.organisation.agencies.AgencyAdministration.AgencyDetails;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Agencies from a spreadsheet: one agency per row, added to the importing user's partnership. Each is created
 * through {@link AgencyAdministration#create}, so it is audited and announced exactly as if typed into the form.
 * Agency names are unique across the Hub (ignoring case), so a name already in the Hub, or repeated in the file,
 * is a problem on its row.
 */
@Component
class AgencyImport implements ImportKind {

    static final int NAME_MAX = 200;
    static final int SHORT_NAME_MAX = 50;

    private final Agencies agencies;
    private final AgencyAdministration administration;

    AgencyImport(Agencies agencies, AgencyAdministration administration) {
        this.agencies = agencies;
        this.administration = administration;
    }

    @Override
    public String id() {
        return "agencies";
    }

    @Override
    public String title() {
        return "Agencies";
    }

    @Override
    public String description() {
        return "Add agencies to this partnership's directory. Each row creates one agency.";
    }

    @Override
    public List<ImportColumn> columns() {
        return List.of(
                ImportColumn.required(
                        "name",
                        "The agency's full name, as it should appear in the directory. It must"
                                + " not already be in the Hub. Up to " + NAME_MAX + " characters."),
                ImportColumn.optional(
                        "short_name",
                        "A short name or abbreviation, such as KCC. Up to " + SHORT_NAME_MAX
                                + " characters. May be left empty."),
                ImportColumn.required("type", "The type of agency, for example Police, School or Health provider."),
                ImportColumn.required("sector", "The agency's sector, for example Health, Education or Policing."));
    }

    @Override
    public String requiredAuthority() {
        return "organisation:manage";
    }

    @Override
    public List<ImportProblem> validate(ImportRow row, ImportContext ctx) {
        RowChecks check = new RowChecks(row);
        String name = check.required("name", "the agency's name", NAME_MAX);
        check.optional("short_name", "the short name", SHORT_NAME_MAX);
        check.choice("type", "the agency type", AgencyType.values(), AgencyType::label, true);
        check.choice("sector", "the sector", Sector.values(), Sector::label, true);
        if (name != null) {
            OptionalInt first = ctx.firstSeen("name", name, row.number());
            if (first.isPresent()) {
                check.add(
                        "name",
                        "\"" + name + "\" is also on row " + first.getAsInt()
                                + ". Each agency can be in the file only once");
            } else if (ctx.<java.util.Set<String>>cached("existing-names", agencies::lowerCaseNames)
                    .contains(name.trim().toLowerCase(java.util.Locale.ROOT))) {
                check.add("name", "There is already an agency called \"" + name + "\" in the Hub");
            }
        }
        return check.problems();
    }

    /**
     * Creates one agency per row. A name someone added to the Hub since the file was checked fails on the
     * database's unique index; that row is reported and the pipeline rolls back the agencies already created.
     */
    @Override
    public void commit(List<ImportRow> rows, ImportContext ctx) {
        for (ImportRow row : rows) {
            RowChecks check = new RowChecks(row);
            AgencyType type = check.choice("type", "the agency type", AgencyType.values(), AgencyType::label, true);
            Sector sector = check.choice("sector", "the sector", Sector.values(), Sector::label, true);
            if (!check.ok()) {
                throw new ImportRejected(check.problems()); // cannot happen for a checked file; never guess
            }
            try {
                administration.create(new AgencyDetails(
                        row.value("name"),
                        row.optional("short_name"),
                        Objects.requireNonNull(type),
                        Objects.requireNonNull(sector),
                        List.of(ctx.partnershipId())));
            } catch (DuplicateKeyException e) {
                throw new ImportRejected(ImportProblem.at(
                        row,
                        "name",
                        "An agency called \"" + row.value("name")
                                + "\" was added to the Hub after the file was checked"));
            }
        }
    }
}
