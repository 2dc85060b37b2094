package org.civicloop.services.cases.domain;

import java.time.Instant;
import java.util.List;

/**
 * What the applicant is asked to correct, all at once (一次性告知): the materials to upload again, the
 * fields to fill again, and a note. Asked by the window before acceptance ({@code partCode} null) or
 * by a department during approval.
 */
public record Correction(String partCode, List<String> materials, List<String> fields, String note, long askedBy,
                         Instant askedAt) {

    public Correction {
        materials = materials == null ? List.of() : List.copyOf(materials);
        fields = fields == null ? List.of() : List.copyOf(fields);
        note = note == null ? "" : note.strip();
    }

    public boolean isEmpty() {
        return materials.isEmpty() && fields.isEmpty() && note.isEmpty();
    }
}
