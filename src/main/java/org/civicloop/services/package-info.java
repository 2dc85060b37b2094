/**
 * One thing, one visit (一件事一次办): combined services defined as data (the catalogue), applications
 * taken at one window or online, approved by every participating department in parallel, results
 * issued at once, rated by the applicant, and the efficiency measured.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organization", "deadlines", "notifications"})
package org.civicloop.services;
