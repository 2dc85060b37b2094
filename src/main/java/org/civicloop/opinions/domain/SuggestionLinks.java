package org.civicloop.opinions.domain;

import java.sql.Timestamp;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.notifications.Notifications;
import org.civicloop.notifications.VoterMessage;
import org.civicloop.suggestions.SuggestionEvents.PublishedReply;
import org.civicloop.suggestions.SuggestionEvents.SuggestionClosed;
import org.civicloop.suggestions.SuggestionEvents.SuggestionLinkedToOpinions;
import org.civicloop.suggestions.SuggestionEvents.SuggestionNotRegistered;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The opinions module's side of the link to deputies' suggestions (many opinions to one suggestion).
 * It hears the suggestions module's events in the transaction of the suggestion's change: a link it
 * cannot make (an unknown opinion, one not accepted, one another suggestion took) is refused and the
 * suggestion's change rolls back with it. A suggestion refused (不予立案) gives its opinions back to
 * the office, accepted and unlinked. When the suggestion closes, its publishable outcome is kept
 * here for the public status page, every linked opinion still waiting closes, and every linked voter
 * who left a contact (and so consented to be contacted) is told by SMS or e-mail, with the receipt
 * code and the status page's address only.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SuggestionLinks {

    private final OpinionService service;
    private final OpinionRepository opinions;
    private final Notifications notifications;
    private final JdbcClient jdbc;
    private final StatusLinks statusLinks;

    @EventListener
    void linked(SuggestionLinkedToOpinions event) {
        event.opinionIds().forEach(id -> service.linkSuggestion(id, event.suggestionId()));
    }

    @EventListener
    void refused(SuggestionNotRegistered event) {
        service.suggestionRefused(event.suggestion().value());
    }

    @EventListener
    void closed(SuggestionClosed event) {
        jdbc.sql("""
                insert into opinion_suggestion_outcome (suggestion_id, title, published, closed_at) values (:s, :t, :p, :at)
                on conflict (suggestion_id) do update set title = excluded.title, published = excluded.published,
                    closed_at = excluded.closed_at""")
                .param("s", event.suggestionId()).param("t", event.title()).param("p", event.replyPublished())
                .param("at", Timestamp.from(event.closedAt())).update();
        jdbc.sql("delete from opinion_suggestion_reply where suggestion_id = :s").param("s", event.suggestionId()).update();
        int seq = 0;
        for (PublishedReply r : event.replies()) {
            jdbc.sql("""
                    insert into opinion_suggestion_reply (suggestion_id, seq, unit_name, result_class, class_name_zh, class_name_en, reply_text)
                    values (:s, :seq, :u, :c, :zh, :en, :t)""")
                    .param("s", event.suggestionId()).param("seq", ++seq).param("u", r.unitName()).param("c", r.resultClass())
                    .param("zh", r.resultClassNameZh()).param("en", r.resultClassNameEn())
                    .param("t", event.replyPublished() ? r.text() : null).update();
        }
        for (Long id : event.opinionIds()) {
            service.suggestionClosed(id, event.suggestionId());
            opinions.findById(id).filter(o -> o.consented() && (o.voterPhone() != null || o.voterEmail() != null))
                    .ifPresent(o -> notifications.notifyVoter(new VoterMessage(o.voterPhone(), o.voterEmail(),
                            "opinion.notice.suggestionClosed",
                            List.of(o.receiptCode(), statusLinks.of(o.receiptCode())), null)));
        }
    }
}
