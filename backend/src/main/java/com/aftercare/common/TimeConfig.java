package com.aftercare.common;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One injectable clock for all domain code, so tests can move time and no code calls new Date(). */
@Configuration
class TimeConfig {

    @Bean
    Clock clock(@Value("${aftercare.zone:Asia/Shanghai}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
