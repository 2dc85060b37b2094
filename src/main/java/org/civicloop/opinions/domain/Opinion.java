package org.civicloop.opinions.domain;

import java.time.Instant;
import java.util.Map;
import org.civicloop.opinions.OpinionEvents.OpinionChanged;
import org.civicloop.shared.BusinessException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A voter's opinion. State changes are the named methods below; each checks the move against
 * {@link OpinionStatus} and returns the event to publish.
 */
@Table("opinion")
public class Opinion {

    @Id
    private Long id;
    private String receiptCode;
    private Channel channel;
    private AddresseeKind addresseeKind;
    private Long addresseeId;
    private String category;
    private String content;
    private String placeCode;
    private String placeDetail;
    private String districtCode;
    private String voterName;
    private String voterPhone;
    private String voterEmail;
    private Instant consentAt;
    private OpinionStatus status;
    private String rejectReason;
    private String rejectNote;
    private Long duplicateOf;
    private Long suggestionId;
    private String reply;
    private Instant repliedAt;
    private String repliedBy;
    private Rating rating;
    private Instant ratedAt;
    private int reopenCount;
    private Long recordedByAccount;
    private String externalRef;
    private String sourceIp;
    private Instant submittedAt;
    private Instant updatedAt;
    private Instant closedAt;
    @Version
    private Integer version;

    @PersistenceCreator
    Opinion(Long id, String receiptCode, Channel channel, AddresseeKind addresseeKind, Long addresseeId, String category,
            String content, String placeCode, String placeDetail, String districtCode, String voterName,
            String voterPhone, String voterEmail, Instant consentAt, OpinionStatus status, String rejectReason,
            String rejectNote, Long duplicateOf, Long suggestionId, String reply, Instant repliedAt, String repliedBy,
            Rating rating, Instant ratedAt, int reopenCount, Long recordedByAccount, String externalRef,
            String sourceIp, Instant submittedAt, Instant updatedAt, Instant closedAt, Integer version) {
        this.id = id;
        this.receiptCode = receiptCode;
        this.channel = channel;
        this.addresseeKind = addresseeKind;
        this.addresseeId = addresseeId;
        this.category = category;
        this.content = content;
        this.placeCode = placeCode;
        this.placeDetail = placeDetail;
        this.districtCode = districtCode;
        this.voterName = voterName;
        this.voterPhone = voterPhone;
        this.voterEmail = voterEmail;
        this.consentAt = consentAt;
        this.status = status;
        this.rejectReason = rejectReason;
        this.rejectNote = rejectNote;
        this.duplicateOf = duplicateOf;
        this.suggestionId = suggestionId;
        this.reply = reply;
        this.repliedAt = repliedAt;
        this.repliedBy = repliedBy;
        this.rating = rating;
        this.ratedAt = ratedAt;
        this.reopenCount = reopenCount;
        this.recordedByAccount = recordedByAccount;
        this.externalRef = externalRef;
        this.sourceIp = sourceIp;
        this.submittedAt = submittedAt;
        this.updatedAt = updatedAt;
        this.closedAt = closedAt;
        this.version = version;
    }

    static Opinion submit(String receiptCode, SubmitOpinion n, String districtCode, Instant now) {
        return new Opinion(null, receiptCode, n.channel(), n.addresseeKind(), n.addresseeId(), n.category(),
                n.content(), n.placeCode(), n.placeDetail(), districtCode, n.voterName(), n.voterPhone(),
                n.voterEmail(), n.personal() ? now : null, OpinionStatus.SUBMITTED, null, null, null, null, null, null,
                null, null, null, 0, n.recordedByAccount(), n.externalRef(), n.sourceIp(), now, now, null, null);
    }

    OpinionChanged submitted() {
        return event("submitted", null, Map.of("channel", channel.name(), "category", category, "placeCode", placeCode));
    }

    OpinionChanged accept() {
        return move(OpinionStatus.ACCEPTED, "accepted", Map.of());
    }

    OpinionChanged reject(String reason, String note) {
        this.rejectReason = reason;
        this.rejectNote = note;
        OpinionChanged e = move(OpinionStatus.REJECTED, "rejected", Map.of("reason", reason));
        this.closedAt = updatedAt;
        return e;
    }

    OpinionChanged mergeInto(Opinion target) {
        if (target.id.equals(id) || target.status == OpinionStatus.MERGED) {
            throw BusinessException.invalid("opinion.error.mergeTarget");
        }
        this.duplicateOf = target.id;
        return move(OpinionStatus.MERGED, "merged", Map.of("duplicateOf", target.id));
    }

    OpinionChanged unmerge() {
        Long was = duplicateOf;
        this.duplicateOf = null;
        return move(OpinionStatus.SUBMITTED, "unmerged", Map.of("wasDuplicateOf", was));
    }

    OpinionChanged forwarded(long unitId) {
        return move(OpinionStatus.HANDLING, "forwarded", Map.of("unitId", unitId));
    }

    OpinionChanged answerDirectly(String text, String by) {
        this.reply = text;
        this.repliedBy = by;
        OpinionChanged e = move(OpinionStatus.REPLIED, "answered", Map.of("by", by));
        this.repliedAt = updatedAt;
        return e;
    }

    OpinionChanged toSuggestion() {
        return move(OpinionStatus.IN_SUGGESTION, "toSuggestion", Map.of());
    }

    OpinionChanged linkSuggestion(long suggestion) {
        this.suggestionId = suggestion;
        return event("suggestionLinked", status.name(), Map.of("suggestionId", suggestion));
    }

    /** The suggestion it was folded into closed: so is the opinion, its outcome being the suggestion's. */
    OpinionChanged suggestionClosed(long suggestion) {
        OpinionChanged e = move(OpinionStatus.CLOSED, "suggestionClosed", Map.of("suggestionId", suggestion));
        this.closedAt = updatedAt;
        return e;
    }

    /** The suggestion was refused (不予立案): the link goes and the opinion waits to be routed again. */
    OpinionChanged suggestionRefused(long suggestion) {
        OpinionChanged e = move(OpinionStatus.ACCEPTED, "suggestionRefused", Map.of("suggestionId", suggestion));
        this.suggestionId = null;
        return e;
    }

    OpinionChanged returnedByUnit(long unitId) {
        return move(OpinionStatus.ACCEPTED, "returnedByUnit", Map.of("unitId", unitId));
    }

    OpinionChanged repliedByUnit(String text, String unitName) {
        return answerDirectly(text, unitName);
    }

    /**
     * The voter's rating. Dissatisfied sends it back for rehandling while reopens are left: to the
     * same unit when a unit handled it ({@code HANDLING}), else back to routing ({@code ACCEPTED}).
     */
    OpinionChanged rate(Rating value, int maxReopens, boolean handledByUnit) {
        if (status != OpinionStatus.REPLIED) {
            throw BusinessException.conflict("opinion.error.notAwaitingRating");
        }
        this.rating = value;
        this.ratedAt = Instant.now();
        if (value == Rating.DISSATISFIED && reopenCount < maxReopens) {
            reopenCount++;
            this.reply = null;
            this.repliedAt = null;
            this.repliedBy = null;
            return move(handledByUnit ? OpinionStatus.HANDLING : OpinionStatus.ACCEPTED, "reopened",
                    Map.of("rating", value.name(), "reopenCount", reopenCount));
        }
        OpinionChanged e = move(OpinionStatus.CLOSED, "rated", Map.of("rating", value.name()));
        this.closedAt = updatedAt;
        return e;
    }

    OpinionChanged closeUnrated() {
        this.rating = Rating.NOT_RATED;
        OpinionChanged e = move(OpinionStatus.CLOSED, "closedUnrated", Map.of());
        this.closedAt = updatedAt;
        return e;
    }

    private OpinionChanged move(OpinionStatus next, String step, Map<String, Object> details) {
        if (!status.canTransitionTo(next)) {
            throw BusinessException.conflict("opinion.error.transition", status.name(), next.name());
        }
        OpinionStatus from = status;
        this.status = next;
        this.updatedAt = Instant.now();
        return event(step, from.name(), details);
    }

    private OpinionChanged event(String step, String from, Map<String, Object> details) {
        return new OpinionChanged(id == null ? 0 : id, receiptCode, step, from, status.name(), details);
    }

    public Long id() { return id; }
    public String receiptCode() { return receiptCode; }
    public Channel channel() { return channel; }
    public AddresseeKind addresseeKind() { return addresseeKind; }
    public Long addresseeId() { return addresseeId; }
    public String category() { return category; }
    public String content() { return content; }
    public String placeCode() { return placeCode; }
    public String districtCode() { return districtCode; }
    public String voterPhone() { return voterPhone; }
    public String voterEmail() { return voterEmail; }
    /** The voter agreed to be contacted (and left a contact). */
    public boolean consented() { return consentAt != null; }
    public Long suggestionId() { return suggestionId; }
    public OpinionStatus status() { return status; }
    public Long duplicateOf() { return duplicateOf; }
    public Rating rating() { return rating; }
    public int reopenCount() { return reopenCount; }
    public String reply() { return reply; }
    public Instant submittedAt() { return submittedAt; }
    public Instant repliedAt() { return repliedAt; }
}
