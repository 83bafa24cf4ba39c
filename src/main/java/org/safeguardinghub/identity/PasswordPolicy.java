package org.safeguardinghub.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Password rules following NCSC guidance: length over complexity, no common passwords, nothing built from the
 * email address. Returns the message to show, or empty when the password is acceptable.
 */
public final class PasswordPolicy {

    public static final int MINIMUM_LENGTH = 12;
    private static final Set<String> COMMON = Set.of(
            "password1234",
            "123456789012",
            "qwertyuiop12",
            "letmein12345",
            "welcome12345",
            "passwordpassword",
            "safeguarding",
            "safeguarding1",
            "iloveyou1234",
            "changeme1234",
            "administrator");

    private PasswordPolicy() {}

    public static Optional<String> problemWith(String password, String email) {
        if (password == null || password.length() < MINIMUM_LENGTH) {
            return Optional.of("Password must be at least " + MINIMUM_LENGTH + " characters");
        }
        if (password.length() > 128) {
            return Optional.of("Password must be 128 characters or fewer");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            return Optional.of("Choose a less common password");
        }
        String local = email.toLowerCase(Locale.ROOT).split("@")[0];
        if (local.length() >= 4 && lower.contains(local)) {
            return Optional.of("Password must not contain your email address");
        }
        return Optional.empty();
    }
}
