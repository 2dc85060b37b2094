package org.civicloop.opinions.hotspots;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code civicloop.opinions.hotspots.*}: how same-matter clusters are found.
 *
 * @param threshold    the cosine similarity of sentence vectors from which an opinion joins the cluster
 *                     of its nearest member (0–1)
 * @param window       how far apart in time two opinions of one cluster may lie
 * @param neighbours   how many nearest stored opinions are looked at per opinion
 * @param batch        opinions assigned per transaction batch of the background run
 * @param interval     how often the background run looks for new opinions
 * @param minPeople    how many people must have raised a matter in the month for it to be a hot spot
 */
@ConfigurationProperties("civicloop.opinions.hotspots")
public record HotspotProperties(@DefaultValue("0.80") double threshold,
                                @DefaultValue("P90D") Duration window,
                                @DefaultValue("20") int neighbours,
                                @DefaultValue("200") int batch,
                                @DefaultValue("PT1M") Duration interval,
                                @DefaultValue("2") int minPeople) {
}
