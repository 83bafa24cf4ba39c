package org.safeguardinghub.learning.tracker;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.web.Option;

/** Where an action stands in its lifecycle (see {@link LearningAction}). */
public enum ActionStatus {
    NOT_STARTED("Not started", "govuk-tag--grey"),
    UNDERWAY("Underway", "govuk-tag--blue"),
    COMPLETED("Completed, awaiting sign-off", "govuk-tag--yellow"),
    SIGNED_OFF("Signed off", "govuk-tag--green"),
    AWAITING_NATIONAL("Awaiting national decision", "govuk-tag--purple");

    private final String label;
    private final String tagClass;

    ActionStatus(String label, String tagClass) {
        this.label = label;
        this.tagClass = tagClass;
    }

    public String label() {
        return label;
    }

    /** The GOV.UK tag colour class for the status. */
    public String tagClass() {
        return tagClass;
    }

    /** Whether an action in this status still has work to do by its owner (so it can be overdue). */
    public boolean open() {
        return this == NOT_STARTED || this == UNDERWAY || this == AWAITING_NATIONAL;
    }

    /** The statuses an owning agency can move an action to with a progress update. */
    public static List<ActionStatus> updatable() {
        return List.of(NOT_STARTED, UNDERWAY, COMPLETED, AWAITING_NATIONAL);
    }

    public static List<Option> options(List<ActionStatus> statuses) {
        return statuses.stream().map(s -> Option.of(s.name(), s.label())).toList();
    }

    public static @Nullable ActionStatus parse(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (ActionStatus s : values()) {
            if (s.name().equals(value)) {
                return s;
            }
        }
        return null;
    }

    public static String label(@Nullable String code) {
        ActionStatus s = parse(code);
        return s == null ? "" : s.label();
    }
}
