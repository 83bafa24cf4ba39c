package org.safeguardinghub.platform.modules;

import java.util.Set;
import org.safeguardinghub.platform.security.Permission;

/** A module's menu entry: its section, its place there, label, link, and the permissions any of which show it. */
public record NavEntry(NavSection section, int position, String label, String href, Set<Permission> anyOf) {}
