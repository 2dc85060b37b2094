package org.civicloop.opinions.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.opinions.domain.PhotoCleaner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Photos a voter attached to a public form that came back with a problem. A browser cannot put a
 * chosen file back into a file field, and the public pages keep no session, so the cleaned photos
 * are held in {@code opinion_held_photo} under a random token that the form carries in a hidden
 * field; the voter need not attach them again. Held photos expire after {@link #HOLD_FOR}; expired
 * ones are purged whenever photos are held.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class HeldPhotos {

    static final Duration HOLD_FOR = Duration.ofHours(1);

    private final JdbcClient jdbc;

    /** The photos still held under the token; none when the token is blank, malformed or expired. */
    List<PhotoCleaner.CleanPhoto> find(String token) {
        UUID id = parse(token);
        if (id == null) {
            return List.of();
        }
        return jdbc.sql("""
                        select content_type, bytes, width, height from opinion_held_photo
                        where token = ? and expires_at > now() order by position""")
                .param(id)
                .query((rs, n) -> new PhotoCleaner.CleanPhoto(rs.getString(1), rs.getBytes(2), rs.getInt(3), rs.getInt(4)))
                .list();
    }

    /** Holds the photos under a new token (the old token's photos are let go); null when there are none. */
    @Transactional
    String hold(String previousToken, List<PhotoCleaner.CleanPhoto> photos) {
        release(previousToken);
        jdbc.sql("delete from opinion_held_photo where expires_at <= now()").update();
        if (photos.isEmpty()) {
            return null;
        }
        UUID token = UUID.randomUUID();
        Instant expires = Instant.now().plus(HOLD_FOR);
        for (int i = 0; i < photos.size(); i++) {
            PhotoCleaner.CleanPhoto p = photos.get(i);
            jdbc.sql("""
                            insert into opinion_held_photo (token, position, content_type, bytes, width, height, expires_at)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(token, i, p.contentType(), p.bytes(), p.width(), p.height(),
                            java.sql.Timestamp.from(expires))
                    .update();
        }
        return token.toString();
    }

    /** Lets the token's photos go (once the opinion is stored with them, or the voter removed them). */
    void release(String token) {
        UUID id = parse(token);
        if (id != null) {
            jdbc.sql("delete from opinion_held_photo where token = ?").param(id).update();
        }
    }

    private static UUID parse(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(token.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
