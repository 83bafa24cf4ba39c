package org.safeguardinghub.performance.earlywarning;

/** Which way a signal points: the values went up (above the limit or average, rising) or down. */
public enum Direction {
    UP("Up"),
    DOWN("Down");

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
