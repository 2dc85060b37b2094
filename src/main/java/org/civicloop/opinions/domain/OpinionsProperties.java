package org.civicloop.opinions.domain;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code civicloop.opinions.*}: the rules a province sets differently.
 *
 * @param contentMinLength     shortest opinion text accepted
 * @param contentMaxLength     longest opinion text accepted, in characters (code points): stored whole, never
 *                             cut; real citizen letters and 12345 tickets run past 2,000 (issue 17)
 * @param maxPhotos            photos per opinion
 * @param maxPhotoBytes        largest photo accepted
 * @param maxReopens           how often a dissatisfied voter can send it back for rehandling
 * @param ratingDays           days the voter has to rate before it closes as not rated
 * @param triageWorkingDays    what the receipt promises for the first answer (受理)
 * @param submissionsPerIpPerHour public submissions one address may make in an hour
 * @param submissionsPerPhonePerDay public submissions with one phone number in a day
 * @param lookupsPerIpPerMinute receipt-code lookups one address may make in a minute
 * @param similarityThreshold  how alike two opinions must be to be suggested as similar (0-1)
 * @param districtCode         the district the public form's places belong to
 * @param ratingCheckInterval  how often replies left unrated are looked for
 * @param tallyInterval        how often the ledger's maintained counts take in changed opinions (the ledger is
 *                             exact meanwhile: it adds what is still waiting)
 */
@ConfigurationProperties("civicloop.opinions")
public record OpinionsProperties(@DefaultValue("5") int contentMinLength,
                                 @DefaultValue("20000") int contentMaxLength,
                                 @DefaultValue("3") int maxPhotos,
                                 @DefaultValue("5242880") long maxPhotoBytes,
                                 @DefaultValue("1") int maxReopens,
                                 @DefaultValue("7") int ratingDays,
                                 @DefaultValue("3") int triageWorkingDays,
                                 @DefaultValue("10") int submissionsPerIpPerHour,
                                 @DefaultValue("5") int submissionsPerPhonePerDay,
                                 @DefaultValue("60") int lookupsPerIpPerMinute,
                                 @DefaultValue("0.3") double similarityThreshold,
                                 @DefaultValue("520111") String districtCode,
                                 @DefaultValue("PT1H") Duration ratingCheckInterval,
                                 @DefaultValue("PT30S") Duration tallyInterval) {
}
