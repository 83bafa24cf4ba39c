package org.safeguardinghub.platform.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Finds the current {@link Actor} from the security context of the running thread. */
public final class Actors {

    private Actors() {}

    public static Optional<Actor> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Actor actor) {
            return Optional.of(actor);
        }
        return Optional.empty();
    }

    /** The current actor, for code that only runs for signed-in users (the security chain guarantees it). */
    public static Actor require() {
        return current().orElseThrow(() -> new IllegalStateException("No signed-in user on this thread"));
    }
}
