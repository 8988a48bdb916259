package com.aftercare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Aftercare: a BPMN-driven service desk for after-sales maintenance of installed systems. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AftercareApplication {

    public static void main(String[] args) {
        SpringApplication.run(AftercareApplication.class, args);
    }
}
