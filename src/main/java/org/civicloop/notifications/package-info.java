/**
 * Messages to voters (SMS, e-mail) and staff (in-app), sent after the caller's transaction commits
 * and retried until delivered. Modules call {@link org.civicloop.notifications.Notifications};
 * SMS gateways plug in as a {@link org.civicloop.notifications.SmsSender} bean. Depends only on
 * {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.civicloop.notifications;
