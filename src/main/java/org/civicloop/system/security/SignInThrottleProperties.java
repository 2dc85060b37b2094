package org.civicloop.system.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code civicloop.security.sign-in-throttle.*}: how many failed sign-ins (wrong password or
 * unknown name, form or HTTP Basic) one client address may make in a window before further
 * attempts from it are refused unseen until the window ends; and addresses never throttled (an
 * office's own NAT address that all its staff share, or the tests' loopback).
 */
@ConfigurationProperties("civicloop.security.sign-in-throttle")
public record SignInThrottleProperties(@DefaultValue("20") int failures,
                                       @DefaultValue("15m") Duration window,
                                       @DefaultValue List<String> trustedAddresses) {
}
