package org.safeguardinghub.section11.returns;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What the person typed for one standard: the score as chosen ("" none, "0" to "3", "NA" not applicable), the
 * narrative evidence and the answers to the standard's questions by question id. Text is kept with line ends
 * normalised, so a browser's CRLF never looks like a change.
 */
public record StandardEntry(String score, String evidence, Map<Long, String> answers) {

    static final String NOT_APPLICABLE = "NA";

    public StandardEntry {
        score = score.strip();
        evidence = normalise(evidence);
        Map<Long, String> cleaned = new TreeMap<>();
        answers.forEach((k, v) -> {
            String n = normalise(v);
            if (!n.isBlank()) {
                cleaned.put(k, n);
            }
        });
        answers = Map.copyOf(cleaned);
    }

    public static StandardEntry of(StandardResponse r) {
        String score = r.notApplicable() ? NOT_APPLICABLE : r.score() == null ? "" : String.valueOf(r.score());
        return new StandardEntry(score, r.evidence(), r.answers());
    }

    public boolean notApplicable() {
        return NOT_APPLICABLE.equals(score);
    }

    /** The numeric score, or null for none, not applicable or something that is not a number. */
    @Nullable
    public Integer numericScore() {
        try {
            return score.isEmpty() || notApplicable() ? null : Integer.valueOf(score);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public String answer(long questionId) {
        return answers.getOrDefault(questionId, "");
    }

    /**
     * A short digest of the values. The page keeps the digest of what it loaded, so a save can tell a standard the
     * person changed from one they only re-sent unchanged (which must never conflict with a colleague's save).
     */
    public String fingerprint() {
        StringBuilder sb = new StringBuilder(score).append('\u0000').append(evidence);
        new TreeMap<>(answers)
                .forEach((k, v) -> sb.append('\u0000').append(k).append('=').append(v));
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String normalise(@Nullable String text) {
        return text == null
                ? ""
                : text.replace("\r\n", "\n").replace('\r', '\n').strip();
    }
}
