/**
 * Section 11 (Children Act 2004) audits. The statutory lifecycle, as Kent and Medway run it every two years:
 *
 * <ol>
 *   <li><b>Templates.</b> A versioned library of standards (the eight Section 11 arrangements, codes S1 to S8,
 *       stable across versions so cycles compare), with guidance, questions and a scoring scale (default 0 to 3 plus
 *       not applicable), and sector variants for district councils and for schools and colleges (section 175/157).
 *       Kept as YAML files in the repository, loaded at start, exported and imported as files.
 *   <li><b>Cycle.</b> The business team opens a cycle for one or more partnerships (a joint Kent and Medway cycle),
 *       with open and close dates and a moderation window, and names the agencies expected to return, each with its
 *       template. An agency serving several partnerships of the cycle returns once.
 *   <li><b>Self-assessment.</b> The agency lead, and colleagues the lead invites, score each standard, write
 *       narrative evidence, upload documents and plan improvement actions, section by section with autosave,
 *       starting from the previous cycle's answers if they choose; they check their answers and submit with the
 *       accountable officer's declaration. Reminders and overdue returns appear on the home task list.
 *   <li><b>Moderation.</b> The business team assigns each return to panel members who are never from the agency
 *       reviewed. Each partnership moderates independently: moderated score and challenge questions per standard,
 *       the agency's answers, a final position and feedback, discussed at panel meetings. Agreed improvement actions
 *       become actions in the learning tracker, chased like any other.
 *   <li><b>Triangulation.</b> An anonymous staff survey per agency (the {@code surveys} module) with questions
 *       mapped to standards, shown beside the agency's self-assessment through the shared published-figures rule
 *       ({@code shared.SafeTable}: counts of staff rounded to 5, small ones hidden).
 *   <li><b>Analysis and publication.</b> Heat map of standards by agency (self and moderated), distributions, the
 *       gap between self and moderated scores, return rate, change from the previous cycle, and an "emerging themes
 *       and promising practice" document from the panel's notes. Until the business team publishes the analysis, a
 *       return is visible only to its agency's invited people, the business team and its assigned panel members.
 * </ol>
 */
@ApplicationModule(
        displayName = "Section 11 audits",
        allowedDependencies = {
            "platform",
            "audit",
            "organisation",
            "calendar",
            "shared",
            "tasks",
            "documents",
            "learning",
            "surveys",
            "identity",
            "imports",
            "organisation :: demo"
        })
@NullMarked
package org.safeguardinghub.section11;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
