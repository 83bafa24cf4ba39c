package org.safeguardinghub.shared;

/** The kinds of {@link ReportingPeriod} used in partnership reporting. */
public enum PeriodType {
    /** A calendar month. Code {@code M2024-03}. */
    MONTH,
    /** A calendar quarter, January to March being Q1. Code {@code Q2024-1}. */
    QUARTER,
    /** A quarter of the financial year, April to June being Q1. Code {@code FQ2023-1}. */
    FINANCIAL_QUARTER,
    /** A financial year, April to March. Code {@code FY2023} for 2023-24. */
    FINANCIAL_YEAR,
    /** An academic year, September to August. Code {@code AY2023} for 2023/24. */
    ACADEMIC_YEAR,
    /** A single day, for figures taken at a point in time (such as children subject to a plan on 31 March). */
    SNAPSHOT
}
