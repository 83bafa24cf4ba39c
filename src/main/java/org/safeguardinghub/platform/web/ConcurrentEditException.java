package org.safeguardinghub.platform.web;

/**
 * Someone else saved the record after this user opened it. The edit is refused (never silently overwritten) and
 * the form is shown again with the other person's values.
 */
public class ConcurrentEditException extends RuntimeException {

    public ConcurrentEditException(String what) {
        super(what + " was changed by someone else after you opened it. Their changes are shown below;"
                + " check them and make your changes again.");
    }
}
