package org.civicloop.suggestions.bulletin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;
import org.civicloop.shared.NotFoundException;
import org.civicloop.suggestions.bulletin.BulletinEvents.BulletinGenerated;
import org.civicloop.suggestions.bulletin.BulletinEvents.BulletinPublished;
import org.civicloop.suggestions.kpi.KpiPeriod;
import org.civicloop.suggestions.kpi.KpiReport;
import org.civicloop.suggestions.kpi.KpiSet;
import org.civicloop.suggestions.kpi.SuggestionKpis;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Collective notices (集中通报): the office creates one for a period, which computes the figures
 * through {@link SuggestionKpis} and stores them; it may compute them again until it publishes; once
 * published the stored figures never change (the database refuses it too) and the public sees them.
 * Generating and publishing are audited.
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Bulletins {

    /** More overdue items than this in one bulletin would be a list nobody reads; the count stays exact. */
    static final int MAX_OVERDUE_LISTED = 2000;

    private final SuggestionKpis kpis;
    private final BulletinRepository repository;
    private final ApplicationEventPublisher events;

    public long create(String title, KpiPeriod period, String foreword, CivicUser user) {
        return create(title, period, foreword, user, Instant.now());
    }

    /** A new bulletin with its figures as of {@code now}. */
    public long create(String title, KpiPeriod period, String foreword, CivicUser user, Instant now) {
        requireOffice(user);
        Bulletin b = repository.save(Bulletin.create(title, period, foreword, user.getUsername(), now));
        generate(b, user, now);
        return b.id();
    }

    public void regenerate(long id, CivicUser user) {
        regenerate(id, user, Instant.now());
    }

    /** The figures again, as of {@code now}; refused once published. */
    public void regenerate(long id, CivicUser user, Instant now) {
        requireOffice(user);
        generate(lock(id), user, now);
    }

    public void publish(long id, CivicUser user) {
        publish(id, user, Instant.now());
    }

    public void publish(long id, CivicUser user, Instant now) {
        requireOffice(user);
        Bulletin b = lock(id);
        BulletinPublished published = b.publish(user.getUsername(), now);
        repository.save(b);
        events.publishEvent(published);
    }

    /** Computes the figures as of {@code now} and stores them in place of any before. */
    private void generate(Bulletin b, CivicUser user, Instant now) {
        KpiReport report = kpis.compute(b.period(), now);
        BulletinGenerated generated = b.generate(report, user.getUsername(), now);
        repository.save(b);
        List<SuggestionKpis.KpiItem> overdue = kpis.items(b.period(), null, KpiSet.OVERDUE, null, now, MAX_OVERDUE_LISTED);
        ZoneId zone = kpis.zone();
        LocalDate today = now.atZone(zone).toLocalDate();
        Map<Long, String> names = kpis.unitNames(overdue.stream().map(SuggestionKpis.KpiItem::unitId).collect(Collectors.toSet()));
        repository.replaceFigures(b.id(), report, overdue.stream().map(i -> new BulletinRepository.OverdueRow(i.suggestionId(),
                i.title(), i.confidential(), i.unitId(), names.get(i.unitId()), i.role(), i.dueAt(),
                (int) Math.max(1, ChronoUnit.DAYS.between(i.dueAt().atZone(zone).toLocalDate(), today)))).toList());
        events.publishEvent(generated);
    }

    @Transactional(readOnly = true)
    public List<BulletinView.Summary> all() {
        return repository.all();
    }

    /** Published bulletins, newest first: what the public may see. */
    @Transactional(readOnly = true)
    public List<BulletinView.Summary> published() {
        return repository.published();
    }

    /** Any bulletin, for the office. */
    @Transactional(readOnly = true)
    public BulletinView find(long id) {
        return repository.view(id).orElseThrow(() -> new NotFoundException("bulletin", id));
    }

    /** A published bulletin; an unpublished one does not exist for the public. */
    @Transactional(readOnly = true)
    public BulletinView findPublished(long id) {
        return repository.view(id).filter(BulletinView::published).orElseThrow(() -> new NotFoundException("bulletin", id));
    }

    private Bulletin lock(long id) {
        return repository.lock(id).orElseThrow(() -> new NotFoundException("bulletin", id));
    }

    private static void requireOffice(CivicUser user) {
        if (user == null || !user.hasRole(Role.CONGRESS_OFFICE)) {
            throw new AccessDeniedException("bulletin");
        }
    }
}
