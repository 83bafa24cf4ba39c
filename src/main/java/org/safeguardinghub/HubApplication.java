package org.safeguardinghub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Safeguarding Partnership Hub: one modular Spring Boot application per deployment. */
@SpringBootApplication
@Modulithic(systemName = "Safeguarding Partnership Hub", sharedModules = "platform")
@EnableScheduling
public class HubApplication {

    public static void main(String[] args) {
        SpringApplication.run(HubApplication.class, args);
    }
}
