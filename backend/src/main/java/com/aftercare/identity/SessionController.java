package com.aftercare.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.aftercare.common.BadRequestException;

/**
 * The SPA's sign-in with local accounts: the password is exchanged once for an HttpOnly,
 * SameSite=Strict session cookie, so no credential or token is kept where page scripts can read it.
 * Requests on that cookie need the CSRF token (cookie XSRF-TOKEN, header X-XSRF-TOKEN). API clients
 * keep using HTTP Basic and never get a session.
 */
@RestController
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "aftercare.auth.mode", havingValue = "local",
        matchIfMissing = true) // with Keycloak the SPA signs in there
class SessionController {

    record SignIn(String username, String password) {
    }

    private final AuthenticationManager authentication;
    private final SignInThrottle throttle;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SessionController(AuthenticationManager authentication, SignInThrottle throttle) {
        this.authentication = authentication;
        this.throttle = throttle;
    }

    @PostMapping("/api/session")
    ResponseEntity<?> signIn(@RequestBody SignIn body, HttpServletRequest request, HttpServletResponse response) {
        if (body == null || body.username() == null || body.username().isBlank()) {
            throw new BadRequestException("username", "Required");
        }
        if (body.password() == null || body.password().isEmpty()) {
            throw new BadRequestException("password", "Required");
        }
        long wait = throttle.retryAfterSeconds(body.username());
        if (wait > 0) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, String.valueOf(wait)).build();
        }
        Authentication auth;
        try {
            auth = authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(body.username(), body.password()));
        } catch (AuthenticationException e) {
            // the failure event of the authentication manager counts it for the throttle
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Wrong user name or password");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        if (request.getSession(false) != null) {
            request.changeSessionId(); // no session fixation
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/session")
    ResponseEntity<Void> signOut(HttpServletRequest request, HttpServletResponse response) {
        new SecurityContextLogoutHandler().logout(request, response, SecurityContextHolder.getContext().getAuthentication());
        return ResponseEntity.noContent().build();
    }
}
