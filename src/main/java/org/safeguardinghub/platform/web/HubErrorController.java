package org.safeguardinghub.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Every error ends on a friendly page with the request id, never a stack trace. A database that cannot be
 * reached becomes 503 "try again shortly" (the pool reconnects by itself when the database returns).
 */
@Controller
class HubErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(HubErrorController.class);

    @RequestMapping("/error")
    String error(HttpServletRequest request, HttpServletResponse response, org.springframework.ui.Model model) {
        model.addAttribute("requestId", request.getAttribute(RequestLogFilter.REQUEST_ID));
        Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        if (error != null && isDatabaseUnavailable(error)) {
            status = 503;
        } else if (error != null && status >= 500) {
            log.error("Unhandled error", error);
        }
        return page(status, response);
    }

    static String page(int status, HttpServletResponse response) {
        int shown = switch (status) {
            case 400, 403, 404, 405, 413, 429, 503 -> status;
            default -> status >= 500 ? 500 : 400;
        };
        response.setStatus(status == 405 ? 405 : shown);
        if (shown == 503) {
            response.setHeader("Retry-After", "30");
        }
        return "error/" + (shown == 405 ? 404 : shown);
    }

    static boolean isDatabaseUnavailable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof TransientDataAccessException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
