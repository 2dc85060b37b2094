package org.civicloop.deputies.domain;

/** What the office writes about a deputy; the duty token is never part of it (it is generated). */
public record DeputyDetails(String name, DeputyLevel level, String constituency, String regionCode, String sector,
                            String phone, DeputyStatus status, Long accountId) {
}
