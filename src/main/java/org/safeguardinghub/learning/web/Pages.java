package org.safeguardinghub.learning.web;

import org.safeguardinghub.learning.tracker.Scope;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.security.Permission;

/** What only the learning pages share: the reader and their scope. The form handling is the platform's Forms. */
final class Pages {

    private Pages() {}

    static Actor actor() {
        return Actors.require();
    }

    static Scope scope() {
        return Scope.of(Actors.require());
    }

    static boolean can(Permission permission) {
        return Actors.require().can(permission);
    }
}
