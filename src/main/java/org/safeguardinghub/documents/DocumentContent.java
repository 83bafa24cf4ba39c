package org.safeguardinghub.documents;

/** A document's bytes and how to serve them. */
public record DocumentContent(long id, String fileName, String contentType, byte[] content) {}
