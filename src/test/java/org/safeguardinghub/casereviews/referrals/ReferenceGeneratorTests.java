package org.safeguardinghub.casereviews.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferenceGeneratorTests {

    @Test
    void referenceIsShortNameYearAndSixUnambiguousCharacters() {
        String reference = new ReferenceGenerator().next("kscmp", 2026);
        assertThat(reference).matches("KSCMP-2026-[" + ReferenceGenerator.ALPHABET + "]{6}");
    }

    @Test
    void alphabetHasNoLookAlikes() {
        for (char c : "01OIL5S8B".toCharArray()) {
            assertThat(ReferenceGenerator.ALPHABET).doesNotContain(String.valueOf(c));
        }
        assertThat(ReferenceGenerator.ALPHABET.chars().distinct().count())
                .isEqualTo(ReferenceGenerator.ALPHABET.length());
    }

    @Test
    void referencesAreSpreadOverTheWholeAlphabet() {
        ReferenceGenerator generator = new ReferenceGenerator();
        Set<String> seen = new HashSet<>();
        Set<Character> characters = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            String reference = generator.next("KSCMP", 2026);
            seen.add(reference);
            reference.substring(11).chars().forEach(c -> characters.add((char) c));
        }
        assertThat(seen).hasSizeGreaterThan(4990); // 27^6 possibilities: collisions are rare, and retried
        assertThat(characters).hasSize(ReferenceGenerator.ALPHABET.length());
    }

    @Test
    void sameRandomSourceGivesTheSameReference() {
        assertThat(new ReferenceGenerator(new Random(7)).next("MSCP", 2025))
                .isEqualTo(new ReferenceGenerator(new Random(7)).next("MSCP", 2025))
                .startsWith("MSCP-2025-");
    }
}
