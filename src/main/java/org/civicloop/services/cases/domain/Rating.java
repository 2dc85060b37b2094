package org.civicloop.services.cases.domain;

import java.time.Instant;

/** The applicant's one rating (好差评) of a completed application. */
public record Rating(RatingLevel level, String reason, Instant ratedAt) {
}
