package com.aftercare.identity;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells the SPA which sign-in to show, before anyone is signed in: {@code {"mode":"local"}} (its own login form, HTTP
 * Basic) or {@code {"mode":"oidc","issuer":…,"clientId":…}} (redirect to Keycloak). Public: it holds nothing secret.
 */
@RestController
class AuthConfigController {

    static final String PATH = "/api/auth/config";

    private final SignIn signIn;

    AuthConfigController(SignIn signIn) {
        this.signIn = signIn;
    }

    @GetMapping(PATH)
    SignIn.AuthConfig config() {
        return signIn.clientConfig();
    }
}
