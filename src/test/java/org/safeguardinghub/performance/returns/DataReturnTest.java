package org.safeguardinghub.performance.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.performance.PerformanceAccess;
import org.safeguardinghub.performance.catalogue.Frequency;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Permission;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.Refusal;

/** The rules of a data return's lifecycle, without Spring. */
class DataReturnTest {

    static final long AGENCY = 7;
    static final Instant AT = Instant.parse("2026-04-20T10:15:00Z");

    @Test
    void aDraftIsSubmittedThenAcceptedAndLocked() {
        DataReturn ret = DataReturn.of(row(ReturnStatus.DRAFT));
        assertThat(ret.lockReason()).isNull();

        ret.submit("Agency Lead", Channel.UPLOAD, AT);
        assertThat(ret.status()).isEqualTo(ReturnStatus.SUBMITTED);
        assertThat(ret.row().submittedByName()).isEqualTo("Agency Lead");
        assertThat(ret.row().submittedAt()).isEqualTo(AT);
        assertThat(ret.row().lastChannel()).isEqualTo("UPLOAD");
        assertThat(ret.lockReason()).contains("submitted on 20 Apr 2026 by Agency Lead", "send it back");

        ret.accept("Business Team", AT);
        assertThat(ret.status()).isEqualTo(ReturnStatus.ACCEPTED);
        assertThat(ret.row().acceptedByName()).isEqualTo("Business Team");
        assertThat(ret.lockReason()).contains("accepted on 20 Apr 2026 by Business Team", "is locked");
    }

    @Test
    void figuresCannotBeSavedOrSubmittedWhileUnderReviewOrAccepted() {
        for (ReturnStatus status : new ReturnStatus[] {ReturnStatus.SUBMITTED, ReturnStatus.ACCEPTED}) {
            DataReturn ret = DataReturn.of(row(status));
            assertThatThrownBy(() -> ret.saveFigures(Channel.FORM))
                    .as(status.name())
                    .isInstanceOf(Refusal.class)
                    .hasMessageContaining("To change a figure");
            assertThatThrownBy(() -> ret.submit("Agency Lead", Channel.FORM, AT))
                    .as(status.name())
                    .isInstanceOf(Refusal.class);
            assertThat(ret.status()).isEqualTo(status);
        }
    }

    @Test
    void aReturnedReturnIsTheAgencysAgainAndCanBeResubmitted() {
        DataReturn ret = DataReturn.of(row(ReturnStatus.RETURNED));
        assertThat(ret.lockReason()).isNull();
        ret.saveFigures(Channel.API);
        ret.submit("Agency Lead", Channel.FORM, AT);
        assertThat(ret.status()).isEqualTo(ReturnStatus.SUBMITTED);
    }

    @Test
    void onlyASubmittedReturnIsSentBackOrAccepted() {
        for (ReturnStatus status :
                new ReturnStatus[] {ReturnStatus.DRAFT, ReturnStatus.RETURNED, ReturnStatus.ACCEPTED}) {
            DataReturn ret = DataReturn.of(row(status));
            assertThatThrownBy(() -> ret.sendBack("Business Team", "Check the totals", AT))
                    .as(status.name())
                    .isInstanceOf(Refusal.class)
                    .hasMessage("Only a submitted return can be sent back; this one is "
                            + status.label().toLowerCase(java.util.Locale.ROOT) + ".");
            assertThatThrownBy(() -> ret.accept("Business Team", AT))
                    .as(status.name())
                    .isInstanceOf(Refusal.class)
                    .hasMessageStartingWith("Only a submitted return can be accepted");
            assertThat(ret.status()).isEqualTo(status);
        }
    }

    @Test
    void sendingBackNeedsACommentSayingWhatToChange() {
        DataReturn ret = DataReturn.of(row(ReturnStatus.SUBMITTED));
        assertThatThrownBy(() -> ret.sendBack("Business Team", "  ", AT))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.kind()).isEqualTo(Refusal.Kind.INVALID);
                    assertThat(r.field()).isEqualTo("comment");
                })
                .hasMessage("Enter a comment saying what the agency needs to change");
        assertThat(ret.status()).isEqualTo(ReturnStatus.SUBMITTED);

        ret.sendBack("Business Team", "  Check the totals ", AT);
        assertThat(ret.status()).isEqualTo(ReturnStatus.RETURNED);
        assertThat(ret.row().returnedComment()).isEqualTo("Check the totals");
        assertThat(ret.row().returnedByName()).isEqualTo("Business Team");
    }

    @Test
    void onlyAnAcceptedReturnIsCorrectedAndEachCorrectionIsARevision() {
        DataReturn draft = DataReturn.of(row(ReturnStatus.DRAFT));
        assertThatThrownBy(draft::correct)
                .isInstanceOf(Refusal.class)
                .hasMessage("Only an accepted return is corrected; change the figures on the return.");
        assertThat(draft.row().revision()).isZero();

        DataReturn accepted = DataReturn.of(row(ReturnStatus.ACCEPTED));
        accepted.correct();
        accepted.correct();
        assertThat(accepted.row().revision()).isEqualTo(2);
        assertThat(accepted.status()).isEqualTo(ReturnStatus.ACCEPTED);
        assertThat(accepted.row().lastChannel()).isEqualTo("FORM");
    }

    @Test
    void aMoveAgainstAnOlderVersionIsAConcurrentEdit() {
        DataReturn ret = DataReturn.of(row(ReturnStatus.SUBMITTED));
        ret.requireVersion(3);
        assertThatThrownBy(() -> ret.requireVersion(2)).isInstanceOf(ConcurrentEditException.class);
    }

    @Test
    void theBusinessTeamOrTheAgencysOwnLeadCorrects() {
        DataReturn ret = DataReturn.of(row(ReturnStatus.ACCEPTED));
        assertThat(ret.correctableBy(actor(null, Set.of("BUSINESS_TEAM"), PerformanceAccess.RETURNS_REVIEW)))
                .isTrue();
        assertThat(ret.correctableBy(actor(AGENCY, Set.of("AGENCY_LEAD"), PerformanceAccess.RETURNS_SUBMIT)))
                .isTrue();
        assertThat(ret.correctableBy(actor(AGENCY + 1, Set.of("AGENCY_LEAD"), PerformanceAccess.RETURNS_SUBMIT)))
                .as("another agency's lead")
                .isFalse();
        assertThat(ret.correctableBy(actor(AGENCY, Set.of("AGENCY_STAFF"), PerformanceAccess.RETURNS_SUBMIT)))
                .as("the agency's staff who are not its lead")
                .isFalse();
        assertThat(DataReturn.reviewer(actor(AGENCY, Set.of("AGENCY_LEAD"), PerformanceAccess.RETURNS_SUBMIT)))
                .isFalse();
    }

    static ReturnRow row(ReturnStatus status) {
        return new ReturnRow(
                1,
                2,
                AGENCY,
                Frequency.MONTHLY,
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31),
                LocalDate.of(2026, 4, 22),
                status,
                status == ReturnStatus.DRAFT ? null : AT,
                status == ReturnStatus.DRAFT ? null : "Agency Lead",
                null,
                null,
                null,
                status == ReturnStatus.ACCEPTED ? AT : null,
                status == ReturnStatus.ACCEPTED ? "Business Team" : null,
                0,
                null,
                3);
    }

    static Actor actor(@Nullable Long agencyId, Set<String> roles, Permission permission) {
        return new Actor() {
            @Override
            public long userId() {
                return 9;
            }

            @Override
            public String displayName() {
                return "Someone";
            }

            @Override
            public @Nullable Long agencyId() {
                return agencyId;
            }

            @Override
            public boolean seesAllAgencies() {
                return agencyId == null;
            }

            @Override
            public long partnershipId() {
                return 2;
            }

            @Override
            public String partnershipName() {
                return "Kent";
            }

            @Override
            public boolean can(Permission p) {
                return p == permission;
            }

            @Override
            public Set<String> roleNames() {
                return roles;
            }
        };
    }
}
