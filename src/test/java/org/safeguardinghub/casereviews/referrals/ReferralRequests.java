package org.safeguardinghub.casereviews.referrals;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.util.concurrent.ThreadLocalRandom;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Requests the referral tests share: the public form from an address of its own, and a referral's answers. */
final class ReferralRequests {

    private ReferralRequests() {}

    /** The public form from an address of its own, so the per-address limit is the calling test's alone. */
    static MockMultipartHttpServletRequestBuilder publicForm() {
        MockMultipartHttpServletRequestBuilder request = multipart("/notify");
        request.with(address()).with(csrf()).param("partnership", "KSCMP");
        return request;
    }

    static RequestPostProcessor address() {
        String ip = "10." + ThreadLocalRandom.current().nextInt(256) + "."
                + ThreadLocalRandom.current().nextInt(256) + "."
                + ThreadLocalRandom.current().nextInt(1, 255);
        return r -> {
            r.setRemoteAddr(ip);
            return r;
        };
    }

    /** A complete referral without its dates or summary, from the given notifier. */
    static MockMultipartHttpServletRequestBuilder undated(
            MockMultipartHttpServletRequestBuilder request, String name, String email, String phone, long district) {
        request.with(csrf())
                .param("harm", "SERIOUSLY_HARMED")
                .param("abuseOrNeglect", "SUSPECTED")
                .param("childInCare", "no")
                .param("children[0].ageYears", "0")
                .param("children[0].gender", "2")
                .param("children[0].ethnicity", "WBRI")
                .param("children[0].statutoryStatus", "CHILD_IN_NEED")
                .param("children[0].districtId", String.valueOf(district))
                .param("notifierName", name)
                .param("notifierEmail", email)
                .param("notifierPhone", phone)
                .param("rationale", "Suspected non-accidental injury to a baby known to children's services.");
        return request;
    }
}
