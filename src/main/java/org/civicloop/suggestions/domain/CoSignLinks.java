package org.civicloop.suggestions.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.deputies.Deputies;
import org.civicloop.deputies.DeputySummary;
import org.civicloop.notifications.Notifications;
import org.civicloop.notifications.VoterMessage;
import org.civicloop.organization.CivicUser;
import org.civicloop.shared.BusinessException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Co-signing without an account (issue 8 item 12): most deputies on the roster have no login, so the
 * lead deputy (or the office) sends each co-signer still to confirm a link by SMS. The link is a
 * random secret; only its SHA-256 is stored, it works once and for {@link #VALID} only, and only while
 * the suggestion can still be edited and the deputy is still an unconfirmed co-signer of it.
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CoSignLinks {

    static final Duration VALID = Duration.ofDays(7);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SuggestionService service;
    private final SuggestionRepository suggestions;
    private final Deputies deputies;
    private final Notifications notifications;
    private final JdbcClient jdbc;
    @Value("${civicloop.public-base-url}")
    private final String publicBaseUrl;

    /** What was sent: links by SMS, and co-signers left out because the roster has no phone for them. */
    public record Sent(int sent, int withoutPhone) {
    }

    /** What the person opening a link sees before confirming. */
    public record Invitation(long suggestionId, String title, String content, String leadDeputy, String coSigner,
                             Instant expiresAt) {
    }

    /** Sends a link to every co-signer who has not confirmed yet; a new link replaces an older one. */
    public Sent send(long suggestionId, CivicUser user, Instant now) {
        Suggestion s = service.visible(suggestionId, user);
        Long deputyId = service.deputyIdOf(user);
        SuggestionPermissions permissions = new SuggestionPermissions();
        if (!permissions.isLeadDeputy(user, deputyId, s) && !permissions.canManage(user)) {
            throw new AccessDeniedException("co-sign links");
        }
        if (!s.status().isEditable()) {
            throw BusinessException.conflict("suggestion.cosign.error.notEditable");
        }
        String lead = deputies.find(s.leadDeputyId()).map(DeputySummary::name).orElse("");
        int sent = 0;
        int withoutPhone = 0;
        for (CoSigner c : s.coSigners()) {
            if (c.confirmed()) {
                continue;
            }
            Optional<String> phone = deputies.phoneForMessage(c.deputyId());
            if (phone.isEmpty()) {
                withoutPhone++;
                continue;
            }
            String secret = secret();
            jdbc.sql("update suggestion_cosign_link set expires_at = :now where suggestion_id = :s and deputy_id = :d and used_at is null")
                    .param("now", Timestamp.from(now)).param("s", s.id()).param("d", c.deputyId()).update();
            jdbc.sql("""
                    insert into suggestion_cosign_link (token_hash, suggestion_id, deputy_id, sent_at, expires_at)
                    values (:h, :s, :d, :now, :exp)""")
                    .param("h", hash(secret)).param("s", s.id()).param("d", c.deputyId())
                    .param("now", Timestamp.from(now)).param("exp", Timestamp.from(now.plus(VALID))).update();
            notifications.notifyVoter(VoterMessage.sms(phone.get(), "suggestion.cosign.sms", lead, s.title(),
                    publicBaseUrl + "/public/cosign/" + secret));
            sent++;
        }
        if (sent == 0 && withoutPhone == 0) {
            throw BusinessException.conflict("suggestion.cosign.error.nobodyToAsk");
        }
        return new Sent(sent, withoutPhone);
    }

    /** The invitation behind a link, if the link still works. */
    @Transactional(readOnly = true)
    public Optional<Invitation> open(String secret, Instant now) {
        return valid(secret, now, false).map(link -> {
            Suggestion s = link.suggestion();
            return new Invitation(s.id(), s.title(), s.content(), deputies.find(s.leadDeputyId()).map(DeputySummary::name).orElse(""),
                    deputies.find(link.deputyId()).map(DeputySummary::name).orElse(""), link.expiresAt());
        });
    }

    /** Confirms the co-signing the link was sent for; a used, expired or outdated link is refused. */
    public void confirm(String secret, Instant now) {
        Link link = valid(secret, now, true).orElseThrow(() -> BusinessException.conflict("suggestion.cosign.error.invalid"));
        Suggestion s = link.suggestion();
        String name = deputies.find(link.deputyId()).map(DeputySummary::name).orElse("");
        service.applyAs(s, s.confirmCoSigning(link.deputyId(), now), name, null);
        jdbc.sql("update suggestion_cosign_link set used_at = :now where token_hash = :h")
                .param("now", Timestamp.from(now)).param("h", hash(secret)).update();
    }

    private record Link(Suggestion suggestion, long deputyId, Instant expiresAt) {
    }

    private Optional<Link> valid(String secret, Instant now, boolean lock) {
        if (secret == null || !secret.matches("[A-Za-z0-9_-]{20,64}")) {
            return Optional.empty();
        }
        return jdbc.sql("select suggestion_id, deputy_id, expires_at from suggestion_cosign_link "
                        + "where token_hash = :h and used_at is null and expires_at > :now" + (lock ? " for update" : ""))
                .param("h", hash(secret)).param("now", Timestamp.from(now))
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant()})
                .optional()
                .flatMap(row -> suggestions.find((Long) row[0]).map(s -> new Link(s, (Long) row[1], (Instant) row[2])))
                .filter(link -> link.suggestion().status().isEditable()
                        && link.suggestion().coSigners().stream().anyMatch(c -> c.deputyId() == link.deputyId() && !c.confirmed()));
    }

    private static String secret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
