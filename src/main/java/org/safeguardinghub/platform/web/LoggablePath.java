package org.safeguardinghub.platform.web;

import java.util.regex.Pattern;

/** A request path as logs and the audit trail may keep it: one-time links and survey links lose their secret. */
public final class LoggablePath {

    private static final Pattern INVITATION = Pattern.compile("^/invitation/[^/]+");
    private static final Pattern SURVEY = Pattern.compile("^/survey/[^/]+");

    private LoggablePath() {}

    public static String of(String path) {
        String p = INVITATION.matcher(path).replaceFirst("/invitation/{token}");
        p = SURVEY.matcher(p).replaceFirst("/survey/{token}");
        return p.length() > 300 ? p.substring(0, 300) + "…" : p;
    }
}
