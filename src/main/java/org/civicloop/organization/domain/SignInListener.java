package org.civicloop.organization.domain;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.CivicUser;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Turns Spring Security's sign-in events into the account's failure count, lock and last sign-in. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SignInListener {

    private final AccountService accounts;

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        accounts.recordFailedSignIn(String.valueOf(event.getAuthentication().getName()));
    }

    /** Form sign-in: recorded and audited. */
    @EventListener
    void interactive(InteractiveAuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof CivicUser user) {
            accounts.recordSignIn(user.accountId(), user.getUsername());
        }
    }

    /** Any sign-in, including each stateless API call: only clears an earlier failure count. */
    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof CivicUser user && user.failedLogins() > 0) {
            accounts.clearFailures(user.accountId());
        }
    }
}
