package org.civicloop.suggestions.bulletin;

import java.time.Instant;
import java.util.List;
import org.civicloop.shared.AggregateRoot;
import org.civicloop.shared.BusinessException;
import org.civicloop.suggestions.bulletin.BulletinEvents.BulletinGenerated;
import org.civicloop.suggestions.bulletin.BulletinEvents.BulletinPublished;
import org.civicloop.suggestions.kpi.KpiPeriod;
import org.civicloop.suggestions.kpi.KpiReport;
import org.civicloop.suggestions.kpi.UnitKpis;

/**
 * A collective notice (集中通报) for a period: made with its figures, computed again as often as the
 * office likes until it is published, then frozen. State changes are the named methods below; each
 * checks the move against {@link BulletinStatus} and returns the event to publish. The figures per
 * unit are stored beside it by {@link Bulletins} and read back as a {@link BulletinView}; this holds
 * the header and the result-class sets the figures were computed with. Nothing here reads a clock or
 * a database.
 */
public class Bulletin extends AggregateRoot {

    static final int MAX_TITLE = 200;
    static final int MAX_FOREWORD = 5000;

    private final String title;
    private final KpiPeriod period;
    private final String foreword;
    private BulletinStatus status;
    private List<KpiReport.ResultClass> classes;
    private List<String> solvedClasses;
    private List<String> implementedClasses;
    private Instant generatedAt;
    private String generatedBy;
    private Instant publishedAt;
    private String publishedBy;
    private final Instant createdAt;
    /** Whether figures were computed before (a loaded bulletin's were); the next computation is then "again". */
    private boolean computed;

    Bulletin(Long id, String title, KpiPeriod period, String foreword, BulletinStatus status, List<KpiReport.ResultClass> classes,
             List<String> solvedClasses, List<String> implementedClasses, Instant generatedAt, String generatedBy,
             Instant publishedAt, String publishedBy, Instant createdAt, boolean computed) {
        super(id);
        this.title = title;
        this.period = period;
        this.foreword = foreword;
        this.status = status;
        this.classes = List.copyOf(classes);
        this.solvedClasses = List.copyOf(solvedClasses);
        this.implementedClasses = List.copyOf(implementedClasses);
        this.generatedAt = generatedAt;
        this.generatedBy = generatedBy;
        this.publishedAt = publishedAt;
        this.publishedBy = publishedBy;
        this.createdAt = createdAt;
        this.computed = computed;
    }

    /** A new bulletin, not yet with figures ({@link #generate} gives them); the title is required, the foreword not. */
    public static Bulletin create(String title, KpiPeriod period, String foreword, String by, Instant now) {
        String t = title == null ? "" : title.strip();
        if (t.isEmpty()) {
            throw BusinessException.invalid("bulletin.error.title");
        }
        if (t.length() > MAX_TITLE) {
            throw BusinessException.invalid("bulletin.error.titleTooLong", String.valueOf(MAX_TITLE));
        }
        if (period == null) {
            throw BusinessException.invalid("kpi.error.period");
        }
        String f = foreword == null || foreword.isBlank() ? null : foreword.strip();
        if (f != null && f.length() > MAX_FOREWORD) {
            throw BusinessException.invalid("bulletin.error.forewordTooLong", String.valueOf(MAX_FOREWORD));
        }
        return new Bulletin(null, t, period, f, BulletinStatus.GENERATED, List.of(), List.of(), List.of(), now, by, null, null,
                now, false);
    }

    /**
     * The figures of {@code report} (computed for this bulletin's period as of {@code now}) become its
     * figures; refused once published. The caller stores the per-unit rows of the report.
     */
    public BulletinGenerated generate(KpiReport report, String by, Instant now) {
        if (!status.isRegenerable()) {
            throw BusinessException.conflict("bulletin.error.published");
        }
        boolean again = computed;
        this.classes = List.copyOf(report.classes());
        this.solvedClasses = List.copyOf(report.solvedClasses());
        this.implementedClasses = List.copyOf(report.implementedClasses());
        this.generatedAt = now;
        this.generatedBy = by;
        this.computed = true;
        UnitKpis d = report.district();
        return new BulletinGenerated(id(), title, period.from().toString(), period.to().toString(), again,
                report.units().size(), (int) d.overdue(), d.assigned(), d.replied());
    }

    /** From now on the public sees it and its figures never change. */
    public BulletinPublished publish(String by, Instant now) {
        if (!status.canTransitionTo(BulletinStatus.PUBLISHED)) {
            throw BusinessException.conflict("bulletin.error.published");
        }
        this.status = BulletinStatus.PUBLISHED;
        this.publishedAt = now;
        this.publishedBy = by;
        return new BulletinPublished(id(), title);
    }

    public String title() { return title; }
    public KpiPeriod period() { return period; }
    public String foreword() { return foreword; }
    public BulletinStatus status() { return status; }
    public List<KpiReport.ResultClass> classes() { return classes; }
    public List<String> solvedClasses() { return solvedClasses; }
    public List<String> implementedClasses() { return implementedClasses; }
    public Instant generatedAt() { return generatedAt; }
    public String generatedBy() { return generatedBy; }
    public Instant publishedAt() { return publishedAt; }
    public String publishedBy() { return publishedBy; }
    public Instant createdAt() { return createdAt; }
}
