package org.safeguardinghub.surveys;

import org.safeguardinghub.platform.modules.ModuleAccess;

/** Surveys are answered through a public link, without signing in. */
public final class SurveysAccess extends ModuleAccess {

    public SurveysAccess() {
        owns("/survey");
        any("/survey/**").open();
    }
}
