package org.civicloop.campaigns;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicloop.campaigns.domain.CampaignDraft;
import org.civicloop.campaigns.domain.CampaignService;
import org.civicloop.deputies.domain.DeputyDetails;
import org.civicloop.deputies.domain.DeputyLevel;
import org.civicloop.deputies.domain.DeputyService;
import org.civicloop.deputies.domain.DeputyStatus;
import org.civicloop.notifications.RecordingSmsSender;
import org.civicloop.organization.CivicUser;

/**
 * Campaigns for the tests, with fresh deputies: a deputy made here has no duty record, so 0 points
 * with the real records module as with the stand-in. Days are counted from {@code day0} in the
 * district's time zone, and every move is made at a time passed in.
 */
final class CampaignFixtures {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final Pattern CODE = Pattern.compile("(?<![0-9])([0-9]{6})(?![0-9])");

    private final CampaignService campaigns;
    private final DeputyService deputyService;
    private final RecordingSmsSender sms;

    CampaignFixtures(CampaignService campaigns, DeputyService deputyService, RecordingSmsSender sms) {
        this.campaigns = campaigns;
        this.deputyService = deputyService;
        this.sms = sms;
    }

    static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(ZONE).toInstant();
    }

    static String uniquePhone() {
        return "177" + String.format("%08d", (ThreadLocalRandom.current().nextInt(10_000) * 10_000 + SEQ.incrementAndGet()) % 100_000_000);
    }

    long newDeputy(String regionCode) {
        int n = SEQ.incrementAndGet();
        return deputyService.create(new DeputyDetails("测试代表" + n + "-" + ThreadLocalRandom.current().nextInt(1_000_000),
                DeputyLevel.DISTRICT, "测试选区", regionCode, "测试", uniquePhone(), DeputyStatus.ACTIVE, null));
    }

    /** Nominations from day0 to day0+2, voting day0+3 to day0+10, publicity day0+11 to day0+13. */
    static CampaignDraft draft(String title, int minPoints, LocalDate day0) {
        return new CampaignDraft(title, "履职尽责，联系群众。", "笃行\n护航\n分享", minPoints, day0.getYear(), day0, day0.plusDays(2),
                day0.plusDays(3), day0.plusDays(10), day0.plusDays(11), day0.plusDays(13));
    }

    /** A campaign in its voting phase (from day0+3) with {@code count} fresh eligible deputies; returns the campaign id. */
    long votingCampaign(CivicUser office, LocalDate day0, int count) {
        long id = campaigns.create(office, draft("测试评选" + SEQ.incrementAndGet(), 0, day0), at(day0, 9, 0));
        for (int i = 0; i < count; i++) {
            campaigns.nominate(office, id, newDeputy("520111101"), "笃行", "扎根基层，服务群众。", at(day0, 10, i));
        }
        campaigns.closeNominations(office, id, at(day0.plusDays(2), 18, 0));
        campaigns.openVoting(office, id, at(day0.plusDays(3), 8, 0));
        return id;
    }

    List<Long> nominees(long campaignId) {
        List<Long> ids = new ArrayList<>();
        campaigns.find(campaignId).nominees().forEach(n -> ids.add(n.id()));
        return ids;
    }

    /** The code in the newest SMS to the phone, once it has gone out (after the commit, in the background). */
    String codeSentTo(String phone, int nth) {
        await().atMost(Duration.ofSeconds(20)).until(() -> sms.sentTo(phone).size() >= nth);
        Matcher m = CODE.matcher(sms.sentTo(phone).get(nth - 1).text());
        if (!m.find()) {
            throw new AssertionError("no code in the SMS");
        }
        return m.group(1);
    }
}
