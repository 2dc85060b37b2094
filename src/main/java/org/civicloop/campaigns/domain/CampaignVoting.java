package org.civicloop.campaigns.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.civicloop.campaigns.CampaignEvents.VoteCast;
import org.civicloop.notifications.Masking;
import org.civicloop.notifications.Notifications;
import org.civicloop.notifications.VoterMessage;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.InvalidInput.Problem;
import org.civicloop.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public's vote: a phone number is verified by a six-digit SMS code (sent through
 * {@link Notifications}, hence the configured {@code SmsSender}), then votes once per day per
 * campaign. Codes are kept only as salted hashes, expire, and allow a few wrong tries; the phone
 * only as a keyed hash ({@link PhoneKey}). The vote row's unique key (campaign, phone, day) is the
 * rule itself, so concurrent votes from one phone cannot both count, and every vote is audited.
 */
@Service
@Transactional
public class CampaignVoting {

    /** How long a code is valid, in minutes, as the page tells the voter. */
    public long codeLifetimeMinutes() {
        return codeLifetime.toMinutes();
    }

    /** A mainland mobile number: 11 digits starting with 1, as the SMS gateways take them. */
    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern CODE = Pattern.compile("[0-9]{6}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CampaignRepository campaigns;
    private final CampaignService service;
    private final PhoneKey phoneKey;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Duration codeLifetime;
    private final int maxAttempts;
    private final Duration resendAfter;
    private final int codesPerPhonePerDay;

    CampaignVoting(CampaignRepository campaigns, CampaignService service, PhoneKey phoneKey, Notifications notifications,
                   ApplicationEventPublisher events, JdbcClient jdbc,
                   @Value("${civicloop.campaigns.code-lifetime:PT10M}") Duration codeLifetime,
                   @Value("${civicloop.campaigns.code-attempts:5}") int maxAttempts,
                   @Value("${civicloop.campaigns.code-resend-after:PT60S}") Duration resendAfter,
                   @Value("${civicloop.campaigns.codes-per-phone-per-day:5}") int codesPerPhonePerDay) {
        this.campaigns = campaigns;
        this.service = service;
        this.phoneKey = phoneKey;
        this.notifications = notifications;
        this.events = events;
        this.jdbc = jdbc;
        this.codeLifetime = codeLifetime;
        this.maxAttempts = maxAttempts;
        this.resendAfter = resendAfter;
        this.codesPerPhonePerDay = codesPerPhonePerDay;
    }

    /** A mobile number as the tables and the gateway take it (spaces, dashes and +86 dropped), if it is one. */
    public static Optional<String> normalisePhone(String phone) {
        if (phone == null) {
            return Optional.empty();
        }
        String digits = phone.strip().replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        }
        return MOBILE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }

    /**
     * Sends a code to the phone for voting in this campaign: refused when voting is closed, when the
     * phone has voted today, or when a code went out less than a minute ago (or too many today).
     */
    public void requestCode(long campaignId, long nomineeId, String phone, Instant at) {
        String normalised = normalisePhone(phone)
                .orElseThrow(() -> new InvalidInput(List.of(new Problem("phone", "campaign.error.phone"))));
        Campaign c = campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("campaign", campaignId));
        LocalDate today = service.today(at);
        c.ballot(nomineeId, today);
        String phoneHash = phoneKey.hash(normalised);
        // codes of one phone wait for each other here, so two quick requests cannot both pass the checks
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:k))").param("k", "campaign-code:" + campaignId + ":" + phoneHash)
                .query(Object.class).single();
        if (votedOn(campaignId, phoneHash, today)) {
            throw BusinessException.conflict("campaign.error.alreadyVotedToday");
        }
        Instant last = jdbc.sql("select max(created_at) from campaign_phone_code where campaign_id = :c and phone_hash = :p")
                .param("c", campaignId).param("p", phoneHash).query(Timestamp.class).optional().map(Timestamp::toInstant)
                .orElse(null);
        if (last != null && last.plus(resendAfter).isAfter(at)) {
            throw BusinessException.conflict("campaign.error.codeTooSoon", String.valueOf(resendAfter.toSeconds()));
        }
        long sentToday = jdbc.sql("""
                        select count(*) from campaign_phone_code
                        where campaign_id = :c and phone_hash = :p and created_at > :since""")
                .param("c", campaignId).param("p", phoneHash).param("since", Timestamp.from(at.minus(Duration.ofDays(1))))
                .query(Long.class).single();
        if (sentToday >= codesPerPhonePerDay) {
            throw BusinessException.conflict("campaign.error.tooManyCodes");
        }
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        String salt = HexFormat.of().formatHex(RANDOM.generateSeed(8));
        jdbc.sql("""
                        insert into campaign_phone_code (campaign_id, phone_hash, code_salt, code_hash, expires_at, created_at)
                        values (:c, :p, :salt, :hash, :expires, :at)""")
                .param("c", campaignId).param("p", phoneHash).param("salt", salt).param("hash", codeHash(salt, code))
                .param("expires", Timestamp.from(at.plus(codeLifetime))).param("at", Timestamp.from(at)).update();
        // sent after this transaction commits, in the background, logged with the number masked
        notifications.notifyVoter(VoterMessage.sms(normalised, "campaign.sms.code", c.title(), code,
                String.valueOf(codeLifetime.toMinutes())));
    }

    /**
     * Verifies the code and records the vote. A wrong code counts as a try and is refused (the try is
     * kept: {@link CodeRefused} does not roll back); a used, expired or exhausted code is refused; a
     * second vote of the phone on the same day is refused by the unique key, whatever the timing.
     *
     * @return the vote's id
     */
    @Transactional(noRollbackFor = CodeRefused.class)
    public long vote(long campaignId, long nomineeId, String phone, String code, Instant at) {
        List<Problem> problems = new ArrayList<>();
        Optional<String> normalised = normalisePhone(phone);
        if (normalised.isEmpty()) {
            problems.add(new Problem("phone", "campaign.error.phone"));
        }
        String givenCode = code == null ? "" : code.strip();
        if (!CODE.matcher(givenCode).matches()) {
            problems.add(new Problem("code", "campaign.error.codeFormat"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Campaign c = campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("campaign", campaignId));
        LocalDate today = service.today(at);
        Nominee nominee = c.ballot(nomineeId, today);
        String phoneHash = phoneKey.hash(normalised.get());
        var latest = jdbc.sql("""
                        select id, code_salt, code_hash, expires_at, attempts, used_at from campaign_phone_code
                        where campaign_id = :c and phone_hash = :p order by created_at desc, id desc limit 1 for update""")
                .param("c", campaignId).param("p", phoneHash)
                .query((rs, n) -> new IssuedCode(rs.getLong("id"), rs.getString("code_salt"), rs.getString("code_hash"),
                        rs.getTimestamp("expires_at").toInstant(), rs.getInt("attempts"), rs.getTimestamp("used_at") != null))
                .optional().orElseThrow(() -> new CodeRefused("campaign.error.codeMissing"));
        if (latest.used()) {
            throw new CodeRefused("campaign.error.codeUsed");
        }
        if (!at.isBefore(latest.expiresAt())) {
            throw new CodeRefused("campaign.error.codeExpired");
        }
        if (latest.attempts() >= maxAttempts) {
            throw new CodeRefused("campaign.error.codeLocked");
        }
        if (!MessageDigest.isEqual(latest.hash().getBytes(StandardCharsets.US_ASCII),
                codeHash(latest.salt(), givenCode).getBytes(StandardCharsets.US_ASCII))) {
            jdbc.sql("update campaign_phone_code set attempts = attempts + 1 where id = :id").param("id", latest.id()).update();
            int left = maxAttempts - latest.attempts() - 1;
            throw left > 0 ? new CodeRefused("campaign.error.codeWrong", String.valueOf(left))
                    : new CodeRefused("campaign.error.codeLocked");
        }
        long voteId = insertVote(c, nominee, phoneHash, normalised.get(), today, at);
        jdbc.sql("update campaign_phone_code set used_at = :at where id = :id").param("at", Timestamp.from(at))
                .param("id", latest.id()).update();
        return voteId;
    }

    /**
     * A vote whose phone was verified elsewhere: the demo data's votes, which no SMS can confirm. The
     * same rules hold (voting open, nominee eligible, once per phone per day) and it is audited the same.
     */
    public long recordVerifiedVote(long campaignId, long nomineeId, String phone, Instant at) {
        String normalised = normalisePhone(phone)
                .orElseThrow(() -> new InvalidInput(List.of(new Problem("phone", "campaign.error.phone"))));
        Campaign c = campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("campaign", campaignId));
        LocalDate today = service.today(at);
        return insertVote(c, c.ballot(nomineeId, today), phoneKey.hash(normalised), normalised, today, at);
    }

    private long insertVote(Campaign c, Nominee nominee, String phoneHash, String phone, LocalDate today, Instant at) {
        long campaignId = c.id();
        long nomineeId = nominee.id();
        Long voteId = jdbc.sql("""
                        insert into campaign_vote (campaign_id, nominee_id, phone_hash, voted_on, voted_at)
                        values (:c, :n, :p, :on, :at)
                        on conflict (campaign_id, phone_hash, voted_on) do nothing returning id""")
                .param("c", campaignId).param("n", nomineeId).param("p", phoneHash).param("on", today)
                .param("at", Timestamp.from(at)).query(Long.class).optional().orElse(null);
        if (voteId == null) {
            throw BusinessException.conflict("campaign.error.alreadyVotedToday");
        }
        events.publishEvent(new VoteCast(campaignId, voteId, nomineeId, nominee.deputyId(), today, Masking.phone(phone)));
        return voteId;
    }

    private boolean votedOn(long campaignId, String phoneHash, LocalDate day) {
        return jdbc.sql("select exists (select 1 from campaign_vote where campaign_id = :c and phone_hash = :p and voted_on = :d)")
                .param("c", campaignId).param("p", phoneHash).param("d", day).query(Boolean.class).single();
    }

    private static String codeHash(String salt, String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((salt + ":" + code).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private record IssuedCode(long id, String salt, String hash, Instant expiresAt, int attempts, boolean used) {
    }

    /** The SMS code was missing, wrong, used, expired or tried too often (HTTP 422); a wrong try is kept. */
    public static final class CodeRefused extends BusinessException {
        CodeRefused(String messageKey, Object... arguments) {
            super(422, messageKey, arguments);
        }
    }
}
