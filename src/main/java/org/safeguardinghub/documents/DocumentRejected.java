package org.safeguardinghub.documents;

/** A file that cannot be accepted, with a message written for the person who chose it (GOV.UK file upload style). */
public class DocumentRejected extends RuntimeException {

    public DocumentRejected(String message) {
        super(message);
    }
}
