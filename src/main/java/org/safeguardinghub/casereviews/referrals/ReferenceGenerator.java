package org.safeguardinghub.casereviews.referrals;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Referral references such as {@code KSCMP-2026-7K3F9Q}: the partnership's short name, the year, and six characters
 * from an alphabet without look-alikes (no 0/O, 1/I/L, 5/S, 8/B...), so a reference read over the phone is heard
 * right. Random rather than sequential, so a reference says nothing about how many referrals a partnership has.
 */
public final class ReferenceGenerator {

    static final String ALPHABET = "234679ACDEFGHJKMNPQRTUVWXYZ";
    static final int LENGTH = 6;

    private final RandomGenerator random;

    public ReferenceGenerator() {
        this(new SecureRandom());
    }

    ReferenceGenerator(RandomGenerator random) {
        this.random = random;
    }

    public String next(String partnershipShortName, int year) {
        StringBuilder sb = new StringBuilder(
                        partnershipShortName.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", ""))
                .append('-')
                .append(year)
                .append('-');
        for (int i = 0; i < LENGTH; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
