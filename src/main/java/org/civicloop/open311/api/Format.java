package org.civicloop.open311.api;

import java.util.Locale;
import java.util.Optional;
import org.springframework.http.MediaType;

/** The two formats GeoReport v2 offers, chosen by the resource's extension ({@code services.xml}). */
enum Format {
    XML(MediaType.parseMediaType("text/xml; charset=utf-8")),
    JSON(MediaType.parseMediaType("application/json; charset=utf-8"));

    final MediaType mediaType;

    Format(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    static Optional<Format> of(String extension) {
        if (extension == null) {
            return Optional.empty();
        }
        return switch (extension.toLowerCase(Locale.ROOT)) {
            case "xml" -> Optional.of(XML);
            case "json" -> Optional.of(JSON);
            default -> Optional.empty();
        };
    }

    /** The format an error on this path is written in: XML for {@code .xml}, JSON for anything else. */
    static Format ofPath(String path) {
        int dot = path == null ? -1 : path.lastIndexOf('.');
        int slash = path == null ? -1 : path.lastIndexOf('/');
        return dot > slash ? of(path.substring(dot + 1)).orElse(JSON) : JSON;
    }
}
