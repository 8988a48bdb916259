package com.aftercare.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * Demo mode only: the demo's two network video recorders answer the Hikvision ISAPI calls of the VC-3 checks from inside
 * this server (/demo-devices/{recorder}/ISAPI/...), so the demo verifies an NVR with the real ISAPI checks: disk status
 * and free space, recording span per channel, channel online status. "nvr-01" is healthy (1 TB free, 90 days kept);
 * "nvr-02" has 0.5 GB free and fails VC-3 with LOW_FREE_SPACE, sending its case back to the engineer. No password is
 * asked (the demo recorders are open; the check's Digest answer is exercised by the probes module's tests); the
 * answers follow the recorded-format XML of those tests. Never present outside demo mode.
 */
@Hidden
@RestController
@ConditionalOnProperty(name = "aftercare.demo.enabled", havingValue = "true")
class DemoRecorders {

    static final String PATH = "/demo-devices";
    private static final MediaType XML = MediaType.parseMediaType("application/xml; charset=UTF-8");
    /** Free megabytes per demo recorder. */
    private static final Map<String, Long> FREE_MB = Map.of("nvr-01", 1_048_576L, "nvr-02", 512L);
    private static final int DAYS_KEPT = 90;

    private final Clock clock;

    DemoRecorders(Clock clock) {
        this.clock = clock;
    }

    /** The demo recorders are reached without signing in, like a device on the customer's network. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    static SecurityFilterChain demoDevices(HttpSecurity http) throws Exception {
        http.securityMatcher(PATH + "/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .requestCache(r -> r.disable())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }

    @GetMapping(PATH + "/{recorder}/ISAPI/ContentMgmt/Storage/hdd")
    ResponseEntity<String> storage(@PathVariable String recorder) {
        Long free = FREE_MB.get(recorder);
        if (free == null) {
            return ResponseEntity.notFound().build();
        }
        return xml("""
                <?xml version="1.0" encoding="UTF-8"?>
                <hddList version="2.0" xmlns="http://www.isapi.org/ver20/XMLSchema">
                <hdd version="2.0" xmlns="http://www.isapi.org/ver20/XMLSchema">
                <id>1</id>
                <hddName>hdd1</hddName>
                <hddType>SATA</hddType>
                <status>ok</status>
                <capacity>3815447</capacity>
                <freeSpace>%d</freeSpace>
                <property>RW</property>
                </hdd>
                </hddList>
                """.formatted(free));
    }

    @GetMapping(PATH + "/{recorder}/ISAPI/ContentMgmt/InputProxy/channels/status")
    ResponseEntity<String> channels(@PathVariable String recorder) {
        if (!FREE_MB.containsKey(recorder)) {
            return ResponseEntity.notFound().build();
        }
        StringBuilder list = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<InputProxyChannelStatusList version=\"2.0\" xmlns=\"http://www.isapi.org/ver20/XMLSchema\">\n");
        for (int channel = 1; channel <= 2; channel++) {
            list.append("<InputProxyChannelStatus version=\"2.0\" xmlns=\"http://www.isapi.org/ver20/XMLSchema\">\n<id>")
                    .append(channel).append("</id>\n<online>true</online>\n<chanDetectResult>connect</chanDetectResult>\n")
                    .append("</InputProxyChannelStatus>\n");
        }
        return xml(list.append("</InputProxyChannelStatusList>\n").toString());
    }

    /** A recording search: the track's oldest recording, DAYS_KEPT days back, when the asked span reaches it. */
    @PostMapping(PATH + "/{recorder}/ISAPI/ContentMgmt/search")
    ResponseEntity<String> search(@PathVariable String recorder, @RequestBody(required = false) String request) {
        if (!FREE_MB.containsKey(recorder) || request == null) {
            return ResponseEntity.notFound().build();
        }
        String searchId = first(request, "searchID", "demo");
        String track = first(request, "trackID", "101").replaceAll("[^0-9]", "");
        Instant to;
        try {
            to = Instant.parse(first(request, "endTime", ""));
        } catch (RuntimeException e) {
            return ResponseEntity.badRequest().build();
        }
        Instant oldest = clock.instant().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(DAYS_KEPT));
        boolean found = !oldest.isAfter(to);
        String items = !found ? "" : """
                <searchMatchItem>
                <trackID>%s</trackID>
                <timeSpan>
                <startTime>%s</startTime>
                <endTime>%s</endTime>
                </timeSpan>
                </searchMatchItem>
                """.formatted(track, oldest, oldest.plus(Duration.ofMinutes(59)));
        return xml("""
                <?xml version="1.0" encoding="UTF-8"?>
                <CMSearchResult version="2.0" xmlns="http://www.isapi.org/ver20/XMLSchema">
                <searchID>%s</searchID>
                <responseStatus>true</responseStatus>
                <responseStatusStrg>%s</responseStatusStrg>
                <numOfMatches>%d</numOfMatches>
                <matchList>
                %s</matchList>
                </CMSearchResult>
                """.formatted(searchId.replaceAll("[^A-Za-z0-9-]", ""), found ? "OK" : "NO MATCHES", found ? 1 : 0, items));
    }

    private static String first(String xml, String element, String fallback) {
        Matcher m = Pattern.compile("<" + element + ">([^<]{0,100})</" + element + ">").matcher(xml);
        return m.find() ? m.group(1) : fallback;
    }

    private static ResponseEntity<String> xml(String body) {
        return ResponseEntity.ok().contentType(XML).body(body);
    }
}
