package org.civicloop.opinions.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.civicloop.opinions.OpinionEvents.OpinionAccepted;
import org.civicloop.opinions.OpinionEvents.OpinionAnswered;
import org.civicloop.opinions.OpinionEvents.OpinionClosedUnrated;
import org.civicloop.opinions.OpinionEvents.OpinionEvent;
import org.civicloop.opinions.OpinionEvents.OpinionForwarded;
import org.civicloop.opinions.OpinionEvents.OpinionMerged;
import org.civicloop.opinions.OpinionEvents.OpinionMovedToSuggestion;
import org.civicloop.opinions.OpinionEvents.OpinionRated;
import org.civicloop.opinions.OpinionEvents.OpinionRejected;
import org.civicloop.opinions.OpinionEvents.OpinionReopened;
import org.civicloop.opinions.OpinionEvents.OpinionReturnedByUnit;
import org.civicloop.opinions.OpinionEvents.OpinionSubmitted;
import org.civicloop.opinions.OpinionEvents.OpinionSuggestionClosed;
import org.civicloop.opinions.OpinionEvents.OpinionSuggestionLinked;
import org.civicloop.opinions.OpinionEvents.OpinionSuggestionRefused;
import org.civicloop.opinions.OpinionEvents.OpinionUnmerged;
import org.civicloop.opinions.OpinionId;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.StatusChange;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A voter's opinion. State changes are the named methods below; each checks the move against
 * {@link OpinionStatus} and returns the event to publish. Nothing here reads a clock: the caller
 * passes the time.
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

    OpinionSubmitted submitted() {
        return event(StatusChange.created(status.name(),
                Map.of("channel", channel.name(), "category", category, "placeCode", placeCode)), OpinionSubmitted::new);
    }

    OpinionAccepted accept(Instant now) {
        return move(OpinionStatus.ACCEPTED, Map.of(), now, OpinionAccepted::new);
    }

    OpinionRejected reject(String reason, String note, Instant now) {
        this.rejectReason = reason;
        this.rejectNote = note;
        OpinionRejected e = move(OpinionStatus.REJECTED, Map.of("reason", reason), now, OpinionRejected::new);
        this.closedAt = now;
        return e;
    }

    OpinionMerged mergeInto(Opinion target, Instant now) {
        if (target.id.equals(id) || target.status == OpinionStatus.MERGED) {
            throw BusinessException.invalid("opinion.error.mergeTarget");
        }
        this.duplicateOf = target.id;
        return move(OpinionStatus.MERGED, Map.of("duplicateOf", target.id), now, OpinionMerged::new);
    }

    OpinionUnmerged unmerge(Instant now) {
        if (duplicateOf == null) {
            throw BusinessException.conflict("opinion.error.transition", state(status), state(OpinionStatus.SUBMITTED));
        }
        Long was = duplicateOf;
        this.duplicateOf = null;
        return move(OpinionStatus.SUBMITTED, Map.of("wasDuplicateOf", was), now, OpinionUnmerged::new);
    }

    OpinionForwarded forwarded(long unitId, Instant now) {
        return move(OpinionStatus.HANDLING, Map.of("unitId", unitId), now, OpinionForwarded::new);
    }

    OpinionAnswered answerDirectly(String text, String by, Instant now) {
        this.reply = text;
        this.repliedBy = by;
        OpinionAnswered e = move(OpinionStatus.REPLIED, Map.of("by", by), now, OpinionAnswered::new);
        this.repliedAt = now;
        return e;
    }

    /**
     * 纳入代表建议, the status half: only {@link #linkSuggestion} follows it, in the transaction that
     * saves the suggestion, so that no opinion reads 已转代表建议 without one.
     */
    OpinionMovedToSuggestion toSuggestion(Instant now) {
        return move(OpinionStatus.IN_SUGGESTION, Map.of(), now, OpinionMovedToSuggestion::new);
    }

    /**
     * Why suggestion {@code suggestion} ({@code null}: one not saved yet) cannot take this opinion up,
     * as the message key of the one reason (its argument the receipt code); empty when it can. An
     * accepted opinion nobody handles yet can be taken up, and one already 已转代表建议 without a
     * suggestion (so promoted before the link came with the suggestion); every other state says why not.
     */
    Optional<String> linkRefusal(Long suggestion) {
        if (suggestionId != null) {
            return suggestionId.equals(suggestion) ? Optional.empty() : Optional.of("opinion.error.link.taken");
        }
        return Optional.ofNullable(switch (status) {
            case ACCEPTED, IN_SUGGESTION -> null;
            case SUBMITTED -> "opinion.error.link.notAccepted";
            case MERGED -> "opinion.error.link.merged";
            case REJECTED -> "opinion.error.link.rejected";
            case HANDLING -> "opinion.error.link.handling";
            case REPLIED -> "opinion.error.link.replied";
            case CLOSED -> "opinion.error.link.closed";
        });
    }

    OpinionSuggestionLinked linkSuggestion(long suggestion) {
        Optional<String> refusal = linkRefusal(suggestion);
        if (refusal.isPresent()) {
            throw BusinessException.invalid(refusal.get(), receiptCode);
        }
        this.suggestionId = suggestion;
        return event(StatusChange.stay(status.name(), Map.of("suggestionId", suggestion)), OpinionSuggestionLinked::new);
    }

    /** The suggestion it was folded into closed: so is the opinion, its outcome being the suggestion's. */
    OpinionSuggestionClosed suggestionClosed(long suggestion, Instant now) {
        OpinionSuggestionClosed e = move(OpinionStatus.CLOSED, Map.of("suggestionId", suggestion), now,
                OpinionSuggestionClosed::new);
        this.closedAt = now;
        return e;
    }

    /** The suggestion was refused (不予立案): the link goes and the opinion waits to be routed again. */
    OpinionSuggestionRefused suggestionRefused(long suggestion, Instant now) {
        OpinionSuggestionRefused e = move(OpinionStatus.ACCEPTED, Map.of("suggestionId", suggestion), now,
                OpinionSuggestionRefused::new);
        this.suggestionId = null;
        return e;
    }

    OpinionReturnedByUnit returnedByUnit(long unitId, Instant now) {
        return move(OpinionStatus.ACCEPTED, Map.of("unitId", unitId), now, OpinionReturnedByUnit::new);
    }

    OpinionAnswered repliedByUnit(String text, String unitName, Instant now) {
        return answerDirectly(text, unitName, now);
    }

    /**
     * The voter's rating. Dissatisfied sends it back for rehandling while reopens are left: to the
     * same unit when a unit handled it ({@code HANDLING}), else back to routing ({@code ACCEPTED}).
     */
    OpinionEvent rate(Rating value, int maxReopens, boolean handledByUnit, Instant now) {
        if (status != OpinionStatus.REPLIED) {
            throw BusinessException.conflict("opinion.error.notAwaitingRating");
        }
        this.rating = value;
        this.ratedAt = now;
        if (value == Rating.DISSATISFIED && reopenCount < maxReopens) {
            reopenCount++;
            this.reply = null;
            this.repliedAt = null;
            this.repliedBy = null;
            return move(handledByUnit ? OpinionStatus.HANDLING : OpinionStatus.ACCEPTED,
                    Map.of("rating", value.name(), "reopenCount", reopenCount), now, OpinionReopened::new);
        }
        OpinionRated e = move(OpinionStatus.CLOSED, Map.of("rating", value.name()), now, OpinionRated::new);
        this.closedAt = now;
        return e;
    }

    OpinionClosedUnrated closeUnrated(Instant now) {
        this.rating = Rating.NOT_RATED;
        OpinionClosedUnrated e = move(OpinionStatus.CLOSED, Map.of(), now, OpinionClosedUnrated::new);
        this.closedAt = now;
        return e;
    }

    private <E extends OpinionEvent> E move(OpinionStatus next, Map<String, Object> details, Instant now,
                                            OpinionEvent.Kind<E> kind) {
        if (!status.canTransitionTo(next)) {
            throw BusinessException.conflict("opinion.error.transition", state(status), state(next));
        }
        OpinionStatus from = status;
        this.status = next;
        this.updatedAt = now;
        return event(new StatusChange(from.name(), next.name(), details), kind);
    }

    private <E extends OpinionEvent> E event(StatusChange change, OpinionEvent.Kind<E> kind) {
        return kind.of(new OpinionId(id == null ? 0 : id), receiptCode, change);
    }

    /**
     * Every column a submission sets, in {@link OpinionInserts}' order (the others start empty): a submitted opinion
     * is stored by one hand-written INSERT, with its word index, instead of by the repository.
     */
    Object[] firstColumns() {
        return new Object[] {receiptCode, channel.name(), addresseeKind == null ? null : addresseeKind.name(), addresseeId,
                category, content, placeCode, placeDetail, districtCode, voterName, voterPhone, voterEmail,
                consentAt, status.name(), reopenCount, recordedByAccount, externalRef, sourceIp,
                submittedAt, updatedAt};
    }

    /** Stored by {@link OpinionInserts}: the id PostgreSQL gave it, and the first version, as the repository sets it. */
    Opinion stored(long id) {
        this.id = id;
        this.version = 0;
        return this;
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
    public Instant ratedAt() { return ratedAt; }
    public Instant updatedAt() { return updatedAt; }
    public Instant closedAt() { return closedAt; }

    /** A state as its name in the reader's language, for a refusal's message. */
    private static Object state(OpinionStatus s) {
        return BusinessException.label("opinion.state." + s.name());
    }
}
