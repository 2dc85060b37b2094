package org.civicloop.organization.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.Role;
import org.civicloop.shared.StartupNotice;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A new installation has no account to sign in with: create {@code admin} with a one-time
 * password, printed once at start-up, that must be changed at first sign-in.
 */
@Component
@Order(20)
@org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty(name = "civicloop.command", havingValue = false, matchIfMissing = true)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class FirstAdministrator implements ApplicationRunner, StartupNotice {

    private final AccountService accounts;
    private final List<Line> lines = new ArrayList<>();

    @Override
    public void run(ApplicationArguments args) {
        if (!accounts.anyAccountExists()) {
            String temporary = AccountService.temporaryPassword();
            accounts.create("admin", new AccountDetails("admin", null, null, Set.of(Role.ADMIN), true), temporary, true);
            lines.add(new Line("startup.firstAdmin", "admin", temporary));
        }
    }

    @Override
    public List<Line> lines() {
        return lines;
    }
}
