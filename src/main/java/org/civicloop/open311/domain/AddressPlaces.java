package org.civicloop.open311.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.opinions.Opinions;
import org.springframework.stereotype.Component;

/**
 * Finds the district's place in a partner's free {@code address_string}, for clients such as
 * FixMyStreet that send coordinates and an address but never {@code attribute[place_code]}.
 * The names are the district's own town and village names (from the region import). Rules:
 * <ul>
 * <li>a village is preferred to a town (the address usually names both: "城关镇东山村");</li>
 * <li>of several villages, those whose town the text also names come first, then the longest
 * name found; two left with the same length is ambiguous;</li>
 * <li>a name is also accepted without its suffix (东山 for 东山村, 城关 for 城关镇) when no other
 * place of the district shortens to the same name, and the short name has at least two characters.</li>
 * </ul>
 * Towns follow the same rules when no village is found. Nothing is guessed beyond that.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AddressPlaces {

    /**
     * Suffixes of region names, longest first so that a whole one is cut: 村民委员会, 居民委员会, 村委会,
     * 居委会, 街道办事处, 街道, 社区, 村, 镇, 乡, 街 (escaped: Java code holds no Chinese text, it is data here).
     */
    private static final List<String> SUFFIXES = List.of("\u6751\u6c11\u59d4\u5458\u4f1a", "\u5c45\u6c11\u59d4\u5458\u4f1a", "\u6751\u59d4\u4f1a", "\u5c45\u59d4\u4f1a", "\u8857\u9053\u529e\u4e8b\u5904", "\u8857\u9053", "\u793e\u533a", "\u6751", "\u9547", "\u4e61", "\u8857");

    private final Catalogue catalogue;

    /** What the address names: one place, several equally good ones, or none. */
    public sealed interface Match permits Found, Ambiguous, NotFound {
    }

    public record Found(String placeCode) implements Match {
    }

    /** Names of the places the text could mean, for the partner's error message. */
    public record Ambiguous(List<String> names) implements Match {
    }

    public record NotFound() implements Match {
    }

    public Match find(String address) {
        if (address == null || address.isBlank()) {
            return new NotFound();
        }
        String text = address.replaceAll("\\s+", "");
        return find(text, catalogue.regions());
    }

    static Match find(String text, List<Opinions.Place> regions) {
        Map<String, Integer> shortNames = new HashMap<>();
        for (Opinions.Place p : regions) {
            shortName(p.name()).ifPresent(n -> shortNames.merge(n, 1, Integer::sum));
        }
        // a short name that is another place's full name is no short name
        regions.forEach(p -> shortNames.computeIfPresent(p.name(), (k, v) -> v + 1));
        List<Hit> villages = new ArrayList<>();
        List<Hit> towns = new ArrayList<>();
        for (Opinions.Place p : regions) {
            int length = matchLength(text, p.name(), shortNames);
            if (length > 0) {
                (isTown(p) ? towns : villages).add(new Hit(p, length));
            }
        }
        Match village = best(text, villages, shortNames, true);
        return village instanceof NotFound ? best(text, towns, shortNames, false) : village;
    }

    private record Hit(Opinions.Place place, int length) {
    }

    private static Match best(String text, List<Hit> hits, Map<String, Integer> shortNames, boolean villages) {
        if (hits.isEmpty()) {
            return new NotFound();
        }
        List<Hit> candidates = hits;
        if (villages && hits.size() > 1) {
            List<Hit> inNamedTown = hits.stream()
                    .filter(h -> h.place().townName() != null && matchLength(text, h.place().townName(), shortNames) > 0)
                    .toList();
            if (!inNamedTown.isEmpty()) {
                candidates = inNamedTown;
            }
        }
        int longest = candidates.stream().mapToInt(Hit::length).max().orElse(0);
        List<Hit> best = candidates.stream().filter(h -> h.length() == longest).toList();
        if (best.size() == 1) {
            return new Found(best.get(0).place().code());
        }
        return new Ambiguous(best.stream()
                .sorted(Comparator.comparing((Hit h) -> h.place().code()))
                .map(h -> villages && h.place().townName() != null ? h.place().townName() + h.place().name() : h.place().name())
                .toList());
    }

    /** The length of the place's name found in the text (full, else its unambiguous short name), or 0. */
    private static int matchLength(String text, String name, Map<String, Integer> shortNames) {
        if (name == null || name.isBlank()) {
            return 0;
        }
        if (text.contains(name)) {
            return name.length();
        }
        Optional<String> shortName = shortName(name);
        if (shortName.isPresent() && shortNames.getOrDefault(shortName.get(), 0) == 1 && text.contains(shortName.get())) {
            return shortName.get().length();
        }
        return 0;
    }

    static Optional<String> shortName(String name) {
        for (String suffix : SUFFIXES) {
            if (name.endsWith(suffix) && name.length() - suffix.length() >= 2) {
                return Optional.of(name.substring(0, name.length() - suffix.length()));
            }
        }
        return Optional.empty();
    }

    private static boolean isTown(Opinions.Place p) {
        return p.townName() == null || p.townName().equals(p.name())
                || "town".equals(p.level()) || "street".equals(p.level());
    }
}
