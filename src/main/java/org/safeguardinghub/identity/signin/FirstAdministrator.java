package org.safeguardinghub.identity.signin;

import java.util.Set;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.identity.PasswordPolicy;
import org.safeguardinghub.identity.Role;
import org.safeguardinghub.identity.users.UserRecords;
import org.safeguardinghub.organisation.FirstPartnership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the first administrator of a production Hub from {@code HUB_BOOTSTRAP_ADMIN_EMAIL} and {@code
 * HUB_BOOTSTRAP_ADMIN_PASSWORD}, once, when no administrator exists. The password is one-time: the administrator
 * must choose their own at first sign-in. Without these variables nothing happens (and a production Hub has no
 * accounts, hence no default password).
 */
@Component
@Order(10)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final UserRecords users;
    private final FirstPartnership firstPartnership;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final String email;
    private final String password;
    private final String partnershipName;

    FirstAdministrator(
            UserRecords users,
            FirstPartnership firstPartnership,
            PasswordEncoder passwords,
            AuditTrail audit,
            @Value("${hub.bootstrap-admin.email:}") String email,
            @Value("${hub.bootstrap-admin.password:}") String password,
            @Value("${hub.bootstrap-admin.partnership:My safeguarding children partnership}") String partnershipName) {
        this.users = users;
        this.firstPartnership = firstPartnership;
        this.passwords = passwords;
        this.audit = audit;
        this.email = email.trim();
        this.password = password;
        this.partnershipName = partnershipName;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (email.isEmpty()) {
            return;
        }
        users.lockForSetUp(); // two instances starting together must not both create the administrator
        if (users.anyAdministrator()) {
            log.info("HUB_BOOTSTRAP_ADMIN_EMAIL is set but an administrator already exists; nothing to do");
            return;
        }
        if (password.length() < PasswordPolicy.MINIMUM_LENGTH) {
            throw new IllegalStateException(
                    "HUB_BOOTSTRAP_ADMIN_PASSWORD must be at least " + PasswordPolicy.MINIMUM_LENGTH
                            + " characters (it is one-time: it must be changed at first sign-in)");
        }
        var ids = firstPartnership.ensure(partnershipName, "Partnership", "Partnership business team");
        long id = users.insert(
                email, "Administrator", null, ids.agencyId(), passwords.encode(password), true, "ACTIVE", null, null);
        users.grant(id, ids.partnershipId(), Set.of(Role.PARTNERSHIP_ADMIN));
        audit.eventBy(null, "system", AuditAction.CREATE, "user", id, "First administrator created from environment");
        log.info("First administrator created (user id {}); they must set a new password at first sign-in", id);
    }
}
