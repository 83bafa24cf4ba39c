package org.safeguardinghub.section11.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.Refusal;
import org.safeguardinghub.section11.ReturnStatus;

/** The rules of a Section 11 return's lifecycle, without Spring. */
class Section11ReturnTest {

    static final int VERSION = 4;

    @Test
    void startingCarriesForwardOnceAndAStartedReturnIsLeftAlone() {
        Section11Return ret = ret(ReturnStatus.NOT_STARTED);
        assertThat(ret.start(55L)).isTrue();
        assertThat(ret.status()).isEqualTo(ReturnStatus.IN_PROGRESS);
        assertThat(ret.carriedForwardFrom()).isEqualTo(55L);

        Section11Return started = ret(ReturnStatus.IN_PROGRESS);
        assertThat(started.start(55L)).isFalse();
        assertThat(started.carriedForwardFrom()).isNull();
    }

    @Test
    void theFirstChangeStartsTheReturn() {
        Section11Return ret = ret(ReturnStatus.NOT_STARTED);
        assertThat(ret.changed()).isTrue();
        assertThat(ret.status()).isEqualTo(ReturnStatus.IN_PROGRESS);
        assertThat(ret.changed()).isFalse();
        assertThat(ret.loadedStatus()).isEqualTo(ReturnStatus.NOT_STARTED);
    }

    @Test
    void aSubmittedOrModeratedReturnRefusesEveryChange() {
        for (ReturnStatus status : new ReturnStatus[] {ReturnStatus.SUBMITTED, ReturnStatus.MODERATED}) {
            Section11Return ret = ret(status);
            assertThatThrownBy(ret::changed)
                    .as(status.name())
                    .isInstanceOfSatisfying(
                            Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.CONFLICT))
                    .hasMessage(Section11Return.LOCKED);
            assertThatThrownBy(() -> ret.start(null)).isInstanceOf(Refusal.class);
            assertThatThrownBy(() -> ret.submit(VERSION, Map.of(), "A Officer", "Director", true, "Lead"))
                    .isInstanceOf(Refusal.class);
            assertThat(ret.status()).isEqualTo(status);
        }
    }

    @Test
    void submittingRecordsTheDeclaration() {
        Section11Return ret = ret(ReturnStatus.IN_PROGRESS);
        assertThat(ret.submit(VERSION, Map.of(), "A Officer", "Director", true, "Agency Lead"))
                .isEmpty();
        assertThat(ret.status()).isEqualTo(ReturnStatus.SUBMITTED);
        assertThat(ret.submittedByName()).isEqualTo("Agency Lead");
        assertThat(ret.declarationName()).isEqualTo("A Officer");
        assertThat(ret.declarationRole()).isEqualTo("Director");
    }

    @Test
    void anIncompleteReturnOrDeclarationIsNotSubmitted() {
        Section11Return ret = ret(ReturnStatus.IN_PROGRESS);
        Map<String, String> problems = ret.submit(
                VERSION,
                Map.of("/section11/returns/1/sections/2", "Complete section 1: Leadership"),
                " ",
                "",
                false,
                "Lead");
        assertThat(problems)
                .containsEntry("/section11/returns/1/sections/2", "Complete section 1: Leadership")
                .containsEntry("#declaration-name", "Enter the name of the accountable officer")
                .containsEntry("#declaration-role", "Enter the accountable officer's role")
                .containsEntry("#declaration-confirmed", "Confirm the declaration to submit the return");
        assertThat(ret.status()).isEqualTo(ReturnStatus.IN_PROGRESS);
        assertThat(ret.declarationName()).isNull();
    }

    @Test
    void theDeclarationNamesAreAtMost200Characters() {
        Section11Return ret = ret(ReturnStatus.IN_PROGRESS);
        String long201 = "x".repeat(201);
        assertThat(ret.submit(VERSION, Map.of(), long201, long201, true, "Lead"))
                .containsEntry("#declaration-name", "The accountable officer's name must be 200 characters or fewer")
                .containsEntry("#declaration-role", "The accountable officer's role must be 200 characters or fewer");
        assertThat(ret.submit(VERSION, Map.of(), "x".repeat(200), "x".repeat(200), true, "Lead"))
                .isEmpty();
    }

    @Test
    void aReturnChangedSinceTheCheckPageIsNotSubmitted() {
        Section11Return ret = ret(ReturnStatus.IN_PROGRESS);
        assertThatThrownBy(() -> ret.submit(VERSION - 1, Map.of(), "A Officer", "Director", true, "Lead"))
                .isInstanceOf(ConcurrentEditException.class);
        assertThat(ret.status()).isEqualTo(ReturnStatus.IN_PROGRESS);
    }

    static Section11Return ret(ReturnStatus status) {
        return new Section11Return(1, status, VERSION, null, null, null, null);
    }
}
