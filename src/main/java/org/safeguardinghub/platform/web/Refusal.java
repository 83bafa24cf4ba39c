package org.safeguardinghub.platform.web;

import org.jspecify.annotations.Nullable;

/**
 * A business rule said no: the user's request was understood but may not be carried out as it stands. Services and
 * lifecycle objects throw it; web code turns it into a page (the GOV.UK error summary with the user's input kept for
 * {@link Kind#INVALID}, the conflict page for {@link Kind#CONFLICT}, a refusal for {@link Kind#NOT_ALLOWED}).
 *
 * <p>It exists so that web code never has to catch a library's {@link IllegalStateException} and show its message
 * to a user: only messages written for users travel in a refusal. The message is a sentence a user can act on; the
 * optional field names the form field it belongs to, so the error summary can link to it.
 *
 * <p>It is an {@link IllegalStateException} (the record is not in a state that allows the request), so domain
 * objects keep their documented contract, while web code catches only the refusal: any other
 * {@code IllegalStateException} is a fault and reaches the error page. {@link Forms} puts a refusal on its form;
 * {@link RefusalAdvice} answers one that no form handled.
 */
public class Refusal extends IllegalStateException {

    /** What kind of "no" it is, which decides the status and page the user gets. */
    public enum Kind {
        /** The input breaks a rule the user can fix on the same form: 422 with the error summary. */
        INVALID,
        /** The record is not in a state that allows this (someone else moved it on): 409. */
        CONFLICT,
        /** This user may not do this to this record: 403. */
        NOT_ALLOWED
    }

    private final Kind kind;
    private final @Nullable String field;

    private Refusal(Kind kind, @Nullable String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    /** The input breaks a rule; {@code field} is the form field the message belongs to. */
    public static Refusal invalid(String field, String message) {
        return new Refusal(Kind.INVALID, field, message);
    }

    /** The input breaks a rule that belongs to the form as a whole rather than to one field. */
    public static Refusal invalid(String message) {
        return new Refusal(Kind.INVALID, null, message);
    }

    /** The record's state does not allow this now. */
    public static Refusal conflict(String message) {
        return new Refusal(Kind.CONFLICT, null, message);
    }

    /** This user may not do this. */
    public static Refusal notAllowed(String message) {
        return new Refusal(Kind.NOT_ALLOWED, null, message);
    }

    public Kind kind() {
        return kind;
    }

    /** The form field the message belongs to, or null for the form as a whole. */
    public @Nullable String field() {
        return field;
    }
}
