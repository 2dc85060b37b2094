package org.civicloop.opinions.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.deputies.Deputies;
import org.civicloop.deputies.DeputySummary;
import org.civicloop.liaison.LiaisonSites;
import org.civicloop.liaison.SiteSummary;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Duty QR codes name a deputy or a liaison site; this is how opinions find and check them. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DutyCodeAddressing implements Addressing {

    private final Deputies deputies;
    private final LiaisonSites sites;
    private final MessageSource messages;

    @Override
    public boolean isAddressedTo(CivicUser user, Opinion opinion) {
        if (opinion.addresseeKind() == null) {
            return false;
        }
        Addressees mine = of(user);
        return opinion.addresseeKind() == AddresseeKind.DEPUTY ? opinion.addresseeId() == mine.deputyId()
                : mine.siteIds().contains(opinion.addresseeId());
    }

    @Override
    public Addressees of(CivicUser user) {
        long deputyId = user.hasRole(Role.DEPUTY)
                ? deputies.forAccount(user.accountId()).map(DeputySummary::id).orElse(-1L) : -1L;
        Set<Long> siteIds = new HashSet<>();
        if (user.hasRole(Role.STATION_STAFF) && user.unitId() != null) {
            sites.forStaffUnit(user.unitId()).forEach(s -> siteIds.add(s.id()));
        }
        if (siteIds.isEmpty()) {
            siteIds.add(-1L);
        }
        return new Addressees(deputyId, siteIds);
    }

    @Override
    public Optional<Addressee> byToken(String token) {
        return deputies.byDutyToken(token).map(this::addressee).or(() -> sites.byDutyToken(token).map(this::addressee));
    }

    @Override
    public Optional<Addressee> find(AddresseeKind kind, long id) {
        if (kind == null) {
            return Optional.empty();
        }
        return kind == AddresseeKind.DEPUTY ? deputies.find(id).map(this::addressee) : sites.find(id).map(this::addressee);
    }

    @Override
    public List<Addressee> recordableBy(CivicUser user) {
        if (user.hasRole(Role.DEPUTY)) {
            return deputies.forAccount(user.accountId()).map(this::addressee).stream().toList();
        }
        if (user.hasRole(Role.STATION_STAFF) && user.unitId() != null) {
            return sites.forStaffUnit(user.unitId()).stream().map(this::addressee).toList();
        }
        return List.of();
    }

    private Addressee addressee(DeputySummary d) {
        var locale = LocaleContextHolder.getLocale();
        String level = messages.getMessage("deputyLevel." + d.level(), null, d.level(), locale);
        return new Addressee(AddresseeKind.DEPUTY, d.id(), d.name(),
                d.constituency() == null ? level : level + " · " + d.constituency(), d.regionCode());
    }

    private Addressee addressee(SiteSummary s) {
        var locale = LocaleContextHolder.getLocale();
        String type = messages.getMessage("siteType." + s.type(), null, s.type(), locale);
        return new Addressee(AddresseeKind.SITE, s.id(), s.name(), s.address() == null ? type : type + " · " + s.address(),
                s.regionCode());
    }
}
