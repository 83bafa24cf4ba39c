package org.safeguardinghub.section11.access;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A change to a return that is no longer open to the agency, with the reason to show the person. */
@ResponseStatus(HttpStatus.CONFLICT)
public class ReturnLockedException extends RuntimeException {

    public ReturnLockedException(String reason) {
        super(reason);
    }
}
