package com.aftercare.common;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** Names the API in /v3/api-docs and lets Swagger UI send the sign-in header. */
@Configuration
class OpenApiConfig {

    @Bean
    OpenAPI aftercareApi() {
        return new OpenAPI()
                .info(new Info().title("Aftercare API").version("v1")
                        .description("Service desk for after-sales maintenance: tickets, tasks, sites, devices. "
                                + "Errors are application/problem+json with the fields that are wrong."))
                .components(new Components().addSecuritySchemes("basicAuth",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basicAuth"));
    }
}
