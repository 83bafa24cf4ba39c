package org.safeguardinghub.performance.returns;

/** How figures reached a return; stored on each value as its source. */
public enum Channel {
    FORM,
    UPLOAD,
    API,
    EXTRACT,
    DEMO
}
