package org.safeguardinghub.platform.modules;

/**
 * A section of the service navigation, as a user recognises it. Modules put their entries into these; a new kind of
 * work (training, registers, governance) may declare its own section constant in its module with a free position.
 * Sections are told apart by label and shown in order of position.
 */
public record NavSection(String label, int position) {

    public static final NavSection HOME = new NavSection("Home", 0);
    public static final NavSection CASES = new NavSection("Cases and reviews", 10);
    public static final NavSection LEARNING = new NavSection("Learning", 20);
    public static final NavSection DATA = new NavSection("Data and performance", 30);
    public static final NavSection ASSURANCE = new NavSection("Assurance", 40);
    public static final NavSection ADMINISTRATION = new NavSection("Administration", 90);
}
