package org.civicloop.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a class of {@code @ApplicationModuleListener}s: an event one of them has not finished with after
 * {@code civicloop.events.stuck-after} (its work failed, or its node was stopped after the publishing
 * transaction had committed) is handed to it again, every {@code civicloop.events.retry-interval}, on any node.
 * Spring Modulith's publication registry keeps such events but resubmits nothing by itself here. The class's
 * listeners must count an event once however often it comes (a notice to staff is sent again only after its
 * first attempt rolled back: the listener's transaction is its own). After {@code civicloop.events.max-attempts}
 * attempts an event is no longer handed again, and each check logs how many were given up.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface HandedAgainWhenUnfinished {
}
