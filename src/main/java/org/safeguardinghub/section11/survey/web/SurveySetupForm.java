package org.safeguardinghub.section11.survey.web;

import org.safeguardinghub.platform.web.DateInput;

/** The dates the business team chooses when setting up a cycle's staff survey, kept as typed. */
public class SurveySetupForm {

    private DateInput opensOn = new DateInput();
    private DateInput closesOn = new DateInput();

    public DateInput getOpensOn() {
        return opensOn;
    }

    public void setOpensOn(DateInput opensOn) {
        this.opensOn = opensOn;
    }

    public DateInput getClosesOn() {
        return closesOn;
    }

    public void setClosesOn(DateInput closesOn) {
        this.closesOn = closesOn;
    }
}
