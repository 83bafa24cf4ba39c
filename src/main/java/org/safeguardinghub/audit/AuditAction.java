package org.safeguardinghub.audit;

/** What happened to a record. */
public enum AuditAction {
    CREATE,
    UPDATE,
    ARCHIVE,
    RESTORE,
    READ_SENSITIVE,
    EXPORT,
    SIGN_IN,
    SIGN_IN_FAILED,
    SIGN_OUT,
    ACCOUNT_LOCKED,
    INVITE,
    DEACTIVATE,
    REACTIVATE,
    RESET_ACCESS,
    PASSWORD_CHANGED,
    IMPORT_COMMITTED,
    /** A request answered 403 (not allowed) or 404 (no such page or record). */
    REQUEST_REFUSED
}
