package org.civicloop.language;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Texts a module offers for understanding, one bean per kind ({@code opinion}, {@code suggestion},
 * {@code draft-comment}): the language module reads them through this interface, never through the
 * module's tables. Ids are the module's own primary keys.
 */
public interface TextSource {

    /** The kind's name, unique, lower case: {@code opinion}. */
    String kind();

    /** The records with an id greater than {@code afterId}, in ascending id order, at most {@code limit}. */
    List<Text> after(long afterId, int limit);

    /** These records (those that exist). */
    List<Text> byIds(Collection<Long> ids);

    /** How many records have an id greater than {@code afterId}. */
    long countAfter(long afterId);

    /**
     * One record's text with what searches filter on: its district (region code prefix of its place,
     * or null) and its time (submitted, filed).
     */
    record Text(long id, String text, String district, Instant at) {
    }
}
