package org.safeguardinghub.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A database outage inside a controller becomes the friendly 503 page rather than a 500. */
@ControllerAdvice
class DatabaseUnavailableAdvice {

    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        CannotCreateTransactionException.class,
        TransientDataAccessException.class
    })
    String unavailable(Exception error, HttpServletRequest request, HttpServletResponse response) {
        if (HubErrorController.isConnectionFailure(error)) {
            request.setAttribute(HubErrorController.DATABASE_DOWN, Boolean.TRUE); // DatabaseDownFilter takes over
        }
        return HubErrorController.page(503, response);
    }
}
