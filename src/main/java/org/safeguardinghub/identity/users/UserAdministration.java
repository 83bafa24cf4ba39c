package org.safeguardinghub.identity.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.identity.Role;
import org.safeguardinghub.identity.UserInvited;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's life: invited (with a one-time link, valid for 7 days), active once the person sets a password or
 * signs in through OIDC, deactivated (signed out everywhere, history kept), reactivated, or reset (a new link, the
 * old password and lock cleared). Every step is audited in the same transaction.
 */
@Service
public class UserAdministration {

    static final Duration INVITATION_VALID_FOR = Duration.ofDays(7);
    private static final SecureRandom random = new SecureRandom();

    private final UserRecords users;
    private final AuditTrail audit;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;

    UserAdministration(
            UserRecords users, AuditTrail audit, PasswordEncoder passwords, ApplicationEventPublisher events) {
        this.users = users;
        this.audit = audit;
        this.passwords = passwords;
        this.events = events;
    }

    public record Invitation(long userId, String token) {}

    @Transactional
    @PreAuthorize("hasAuthority('users:manage')")
    public Invitation invite(
            String email, String displayName, @Nullable String jobTitle, long agencyId, Set<Role> roles) {
        Actor actor = Actors.require();
        String token = newToken();
        long id = users.insert(
                email,
                displayName,
                jobTitle,
                agencyId,
                null,
                false,
                "INVITED",
                hash(token),
                Instant.now().plus(INVITATION_VALID_FOR));
        users.grant(id, actor.partnershipId(), roles);
        UserAccount created = users.byId(actor, id).orElseThrow();
        audit.created("user", id, created.auditValues());
        events.publishEvent(new UserInvited(id, agencyId, actor.partnershipId(), Set.copyOf(roles)));
        return new Invitation(id, token);
    }

    @Transactional
    @PreAuthorize("hasAuthority('users:manage')")
    public void deactivate(long id, int version) {
        UserAccount before = existing(id);
        if (!users.setStatus(id, version, "DEACTIVATED", null, null, false)) {
            throw new ConcurrentEditException("This account");
        }
        users.endSessions(before.email());
        audit.event(AuditAction.DEACTIVATE, "user", id, "Account deactivated and signed out everywhere");
    }

    @Transactional
    @PreAuthorize("hasAuthority('users:manage')")
    public void reactivate(long id, int version) {
        existing(id);
        if (!users.setStatus(id, version, "ACTIVE", null, null, false)) {
            throw new ConcurrentEditException("This account");
        }
        audit.event(AuditAction.REACTIVATE, "user", id, "Account reactivated");
    }

    /** Clears the password and any lock, and issues a new one-time link for the person to set a password. */
    @Transactional
    @PreAuthorize("hasAuthority('users:manage')")
    public Invitation resetAccess(long id, int version) {
        UserAccount before = existing(id);
        String token = newToken();
        if (!users.setStatus(id, version, "INVITED", hash(token), Instant.now().plus(INVITATION_VALID_FOR), true)) {
            throw new ConcurrentEditException("This account");
        }
        users.endSessions(before.email());
        audit.event(AuditAction.RESET_ACCESS, "user", id, "Access reset: new one-time link issued");
        return new Invitation(id, token);
    }

    /** The email address a still-valid one-time link was issued for, if it is still valid. */
    @Transactional(readOnly = true)
    public java.util.Optional<String> invitedEmail(String token) {
        return users.byInvitation(hash(token)).flatMap(users::emailOf);
    }

    /** The invited person chooses their password; returns false if the link has expired or been used. */
    @Transactional
    public boolean acceptInvitation(String token, String newPassword) {
        var id = users.byInvitation(hash(token));
        id.ifPresent(userId -> {
            users.setPassword(userId, passwords.encode(newPassword));
            audit.eventBy(
                    userId,
                    "invited user",
                    AuditAction.PASSWORD_CHANGED,
                    "user",
                    userId,
                    "Password set from invitation");
        });
        return id.isPresent();
    }

    /** A signed-in person changes their own password; returns false if the current password is wrong. */
    @Transactional
    public boolean changePassword(String email, String current, String newPassword) {
        var c = users.credentials(email).orElseThrow(() -> new NotFoundException("Account"));
        if (c.passwordHash() == null || !passwords.matches(current, c.passwordHash())) {
            return false;
        }
        users.setPassword(c.id(), passwords.encode(newPassword));
        audit.event(AuditAction.PASSWORD_CHANGED, "user", c.id(), "Password changed");
        return true;
    }

    private UserAccount existing(long id) {
        return users.byId(Actors.require(), id).orElseThrow(() -> new NotFoundException("Account"));
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Only a hash of a one-time link is stored, so a database copy cannot be used to take over accounts. */
    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
