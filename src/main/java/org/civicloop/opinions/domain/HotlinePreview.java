package org.civicloop.opinions.domain;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.CivicUser;
import org.civicloop.shared.MatterScore;
import org.civicloop.shared.spreadsheet.Row;
import org.civicloop.shared.spreadsheet.Table;
import org.civicloop.shared.spreadsheet.TableException;
import org.civicloop.shared.spreadsheet.TableReader;
import org.springframework.stereotype.Service;

/**
 * Before a hotline export is imported: which of its rows very likely raise a matter already open on
 * file, so that the office merges them instead of handling the same thing twice. Reads the ticket and
 * the text only, stores nothing; the import itself checks every column.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class HotlinePreview {

    /** Rows compared in one preview: each costs one similar check. */
    public static final int MAX_ROWS = 500;
    private static final int EXCERPT = 60;

    private final HotlineColumns columns;
    private final SimilarMatters similar;
    private final HotlineImport hotlineImport;

    /**
     * One row of the file and the open matter it very likely repeats, if any; {@code content} (whole) and
     * {@code placeCode} (the region its place column names, or null) for what else is asked of the row.
     */
    public record PreviewRow(int line, String ticket, String excerpt, SimilarMatters.Matter likely, String content,
                             String placeCode) {
    }

    /** The rows (at most {@link #MAX_ROWS}), or the file's problem as a message key in {@code problem}. */
    public record Preview(List<PreviewRow> rows, int flagged, boolean truncated, String problem, Object[] arguments) {
    }

    public Preview preview(InputStream in, CivicUser user) {
        List<PreviewRow> rows = new ArrayList<>();
        boolean truncated = false;
        Map<String, String> places = hotlineImport.places();
        try (Table table = TableReader.withLimits(HotlineImport.MAX_ROWS, HotlineImport.MAX_BYTES).open(in)) {
            table.requireColumns(columns.ticket(), columns.content());
            for (Row row = table.next(); row != null; row = table.next()) {
                if (rows.size() == MAX_ROWS) {
                    truncated = true;
                    break;
                }
                Map<String, String> cells = row.asMap();
                String content = cells.getOrDefault(columns.content(), "");
                content = content == null ? "" : content.strip();
                if (content.length() > SimilarMatters.TEXT_MAX) {
                    content = content.substring(0, SimilarMatters.TEXT_MAX);
                }
                String place = HotlineImport.place(places, cells.get(columns.place()));
                SimilarMatters.Matter likely = content.isEmpty() ? null : similar.find(content, place, null, user).matters().stream()
                        .filter(m -> m.band() == MatterScore.Band.SAME && !"CLOSED".equals(m.closestStatus()))
                        .findFirst().orElse(null);
                String ticket = cells.get(columns.ticket());
                rows.add(new PreviewRow(row.line(), ticket == null ? "" : ticket.strip(),
                        content.length() <= EXCERPT ? content : content.substring(0, EXCERPT) + "…", likely, content, place));
            }
        } catch (TableException e) {
            return new Preview(List.of(), 0, false, e.messageKey(), e.arguments());
        }
        return new Preview(rows, (int) rows.stream().filter(r -> r.likely() != null).count(), truncated, null, null);
    }
}
