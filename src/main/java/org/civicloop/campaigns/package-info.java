/**
 * Typical-deputy campaigns (典型选树): criteria and groups, nominations, eligibility against the duty
 * record, public voting with SMS-verified phones, publicity and the announcement with each chosen
 * deputy's deeds.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organization", "deputies",
        "notifications", "records"})
package org.civicloop.campaigns;
