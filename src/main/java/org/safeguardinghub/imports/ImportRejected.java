package org.safeguardinghub.imports;

import java.util.List;

/**
 * Thrown by {@link ImportKind#commit} when a row that passed validation can no longer be imported (typically
 * because someone created a clashing record since the file was checked). The whole commit is rolled back, the
 * batch stays ready to commit, and the user is shown these problems.
 */
public class ImportRejected extends RuntimeException {

    private final List<ImportProblem> problems;

    public ImportRejected(List<ImportProblem> problems) {
        super(problems.isEmpty() ? "The import was rejected" : describe(problems.get(0)));
        this.problems = List.copyOf(problems);
    }

    public ImportRejected(ImportProblem problem) {
        this(List.of(problem));
    }

    public List<ImportProblem> problems() {
        return problems;
    }

    static String describe(ImportProblem p) {
        return "Row " + p.rowNumber() + (p.column() == null ? "" : ", column " + p.column()) + ": " + p.message();
    }
}
