package org.civicloop.opinions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What other modules (Open311, suggestions) may ask of the opinions module. Inputs are checked by
 * the same rules as the public form; a refusal is an {@link InvalidOpinion} listing every problem.
 */
public interface Opinions {

    /** Channels other modules may submit through. */
    enum ExternalChannel { OPEN311, HOTLINE }

    /**
     * @param externalRef the partner system's own reference; unique per channel (a second submission
     *                    with the same reference is refused as a duplicate)
     */
    record Submission(ExternalChannel channel, String category, String content, String placeCode, String placeDetail,
                      String voterName, String voterPhone, String voterEmail, boolean consent, String externalRef,
                      String sourceIp) {
    }

    record Submitted(long id, String receiptCode) {
    }

    /**
     * An opinion as a partner may see it: no name, phone or e-mail of the voter, and no receipt code
     * (whoever holds that can rate the answer).
     *
     * @param status       the {@code OpinionStatus} name
     * @param dueAt        the deadline of the current work order, if one runs
     * @param handlingUnit the unit handling it now, if any
     */
    record View(long id, String channel, String category, String content, String status, String placeCode,
                String placeName, String placeDetail, Instant submittedAt, Instant updatedAt, String reply,
                Instant repliedAt, String handlingUnit, Instant dueAt) {
    }

    record Category(String code, String nameZh, String nameEn) {
        /** The name in the reader's language: English for an English reader, else Chinese. */
        public String label(java.util.Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
        }
    }

    record Place(String code, String name, String level, String townName) {
    }

    /** Filters for listing; nulls mean "any". Newest first. */
    record Query(Set<Long> ids, String category, Set<String> statuses, String channel, Instant from, Instant to,
                 int limit) {
    }

    /** Stores the opinion; refused with an {@link InvalidOpinion} listing every problem, and then nothing is stored. */
    Submitted submit(Submission submission);

    /** Every problem {@link #submit} would refuse the submission for (empty when none); nothing is stored. */
    List<org.civicloop.shared.InvalidInput.Problem> check(Submission submission);

    Optional<View> find(long id);

    List<View> find(Query query);

    List<Category> categories();

    /** The places a submission may name: the district's towns and streets and their villages. */
    List<Place> places();

    /** The voter's checks failed: every problem as (field, message key, arguments). */
    final class InvalidOpinion extends org.civicloop.shared.InvalidInput {

        public InvalidOpinion(List<Problem> problems) {
            super(problems);
        }
    }
}
