package com.aftercare.common;

import org.springframework.boot.web.server.MimeMappings;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.ConfigurableServletWebServerFactory;
import org.springframework.stereotype.Component;

/**
 * The page is installable on a phone (ADR 0019): the server hands out the web app manifest as
 * {@code application/manifest+json} (Tomcat's default table does not know {@code .webmanifest}) and the service
 * worker as JavaScript. Both are plain static files of the frontend build; the security headers allow them
 * (manifest-src and worker-src 'self', see identity.HttpHardening).
 */
@Component
class InstallableWebApp implements WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> {

    static final String MANIFEST_TYPE = "application/manifest+json";

    @Override
    public void customize(ConfigurableServletWebServerFactory factory) {
        MimeMappings mappings = new MimeMappings(MimeMappings.DEFAULT);
        mappings.add("webmanifest", MANIFEST_TYPE);
        mappings.add("js", "text/javascript");
        factory.setMimeMappings(mappings);
    }
}
