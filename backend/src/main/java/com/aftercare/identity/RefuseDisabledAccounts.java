package com.aftercare.identity;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a disabled account on its next request, however it signed in. HTTP Basic checks the flag at the password
 * check already; but an SPA session was authenticated hours ago and a Keycloak token is valid until it expires, so
 * both are checked here against the local record after authentication. A Keycloak user without a local record keeps
 * working as before. For a session the roles and unit are also re-read, so an administrator's change of roles holds
 * from the next request, not from the next sign-in.
 */
final class RefuseDisabledAccounts extends OncePerRequestFilter {

    private final ReadAccountStanding accounts;
    private final AuthenticationEntryPoint unauthorized;

    RefuseDisabledAccounts(ReadAccountStanding accounts, AuthenticationEntryPoint unauthorized) {
        this.accounts = accounts;
        this.unauthorized = unauthorized;
    }

    /** Pages and assets are public anyway; refusing them would show a disabled user a JSON error instead of the login page. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().substring(request.getContextPath().length()).startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        if (auth.getPrincipal() instanceof ApiTokenSignIn.TokenPrincipal) {
            chain.doFilter(request, response); // a revoked token is refused by ApiTokenSignIn on this very request
            return;
        }
        boolean local = auth.getPrincipal() instanceof AppUserPrincipal;
        Optional<ReadAccountStanding.Standing> account = accounts.of(auth.getName());
        // a local principal whose record is gone is refused too; a token user without a local record is not
        if (account.map(a -> !a.enabled()).orElse(local)) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            unauthorized.commence(request, response, new DisabledException("This account is disabled"));
            return;
        }
        if (local && account.isPresent()) {
            refresh(auth, account.get());
        }
        chain.doFilter(request, response);
    }

    /** The session's authentication with the account's current roles and unit (for this request). */
    private static void refresh(Authentication auth, ReadAccountStanding.Standing user) {
        Set<String> current = user.roles().stream().map(Role::authority).collect(Collectors.toSet());
        Set<String> held = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        AppUserPrincipal principal = (AppUserPrincipal) auth.getPrincipal();
        if (current.equals(held) && java.util.Objects.equals(principal.customerId(), user.customerId())) {
            return;
        }
        var authorities = current.stream().map(SimpleGrantedAuthority::new).toList();
        AppUserPrincipal fresh = new AppUserPrincipal(principal.getUsername(), "", true, authorities, user.customerId());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null, authorities));
        SecurityContextHolder.setContext(context);
    }
}
