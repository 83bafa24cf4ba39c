package org.safeguardinghub.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;

/**
 * The request log and the error log agree with what the person saw: a request that ended on the 500 page is logged
 * with status=500 (it was logged as 200), and the error's log line carries the request id the page shows.
 */
class RequestLogTests {

    final ListAppender<ILoggingEvent> requests = new ListAppender<>();
    final ListAppender<ILoggingEvent> errors = new ListAppender<>();

    ch.qos.logback.classic.Level requestLevel;

    @BeforeEach
    void listen() {
        Logger requestLog = (Logger) LoggerFactory.getLogger("hub.request");
        requestLevel = requestLog.getLevel();
        requestLog.setLevel(ch.qos.logback.classic.Level.INFO); // the test configuration quiets it
        requests.start();
        errors.start();
        ((Logger) LoggerFactory.getLogger("hub.request")).addAppender(requests);
        ((Logger) LoggerFactory.getLogger(HubErrorController.class)).addAppender(errors);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger("hub.request")).setLevel(requestLevel);
        ((Logger) LoggerFactory.getLogger("hub.request")).detachAppender(requests);
        ((Logger) LoggerFactory.getLogger(HubErrorController.class)).detachAppender(errors);
    }

    @Test
    void aRequestThatFailedIsLoggedWithTheStatusItsErrorPageGets() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/notify");
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThatThrownBy(() -> new RequestLogFilter().doFilter(request, response, (req, res) -> {
                    throw new IllegalStateException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(requests.list)
                .singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage())
                        .contains("path=/notify")
                        .contains("status=500"));

        // then Tomcat's error dispatch: the page shows the request id and the log line carries the same one
        String requestId = (String) request.getAttribute(RequestLogFilter.REQUEST_ID);
        assertThat(response.getHeader("X-Request-Id")).isEqualTo(requestId);
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("boom"));
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        ExtendedModelMap model = new ExtendedModelMap();
        String view = new HubErrorController().error(request, new MockHttpServletResponse(), model);
        assertThat(view).isEqualTo("error/500");
        assertThat(model.get("requestId")).isEqualTo(requestId);
        assertThat(errors.list)
                .singleElement()
                .satisfies(e -> assertThat(e.getMDCPropertyMap()).containsEntry("requestId", requestId));
    }

    @Test
    void aRequestThatSucceededKeepsItsOwnStatus() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/cases");
        MockHttpServletResponse response = new MockHttpServletResponse();
        new RequestLogFilter()
                .doFilter(request, response, (req, res) -> ((MockHttpServletResponse) res).setStatus(404));
        assertThat(requests.list)
                .singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage()).contains("status=404"));
    }
}
