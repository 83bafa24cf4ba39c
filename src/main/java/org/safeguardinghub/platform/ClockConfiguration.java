package org.safeguardinghub.platform;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the whole Hub, in UK time: statutory deadlines are counted in English working days. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    public static final ZoneId UK = ZoneId.of("Europe/London");

    @Bean
    Clock clock() {
        return Clock.system(UK);
    }
}
