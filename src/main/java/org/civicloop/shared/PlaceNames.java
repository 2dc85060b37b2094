package org.civicloop.shared;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The named places a Chinese text mentions, by the suffix that names their kind: towns (青岩镇,
 * 麦坪乡, 贵筑街道), villages (龙井村, 明珠社区), estates (碧桂园小区, 金竹花园, 清华苑, 幸福家园), roads (花溪大道,
 * 明珠路, 十字街), schools (花溪二中, 青岩小学, 阳光幼儿园), companies (某某建材厂, 某某有限公司) and bus lines
 * (201路公交). Two texts about the same kind of problem at two different estates are two matters:
 * {@link #compare} says whether two texts name the same place, another one, or nothing to compare.
 *
 * <p>Rules, not a gazetteer: the name is the run of Chinese characters, letters or digits before the
 * suffix, cut after the last word that cannot belong to a name (a preposition, a pronoun, a larger
 * division: 在, 我们, 花溪区), and at least two characters long.
 */
public final class PlaceNames {

    /** Most specific first: when two texts share places, the most specific one is shown. */
    public enum Kind { BUS_LINE, SCHOOL, COMPANY, ESTATE, ROAD, VILLAGE, TOWN }

    public record Place(Kind kind, String name) {
    }

    /** What two texts' places say: a place both name, or that they name different places of one kind. */
    public record Comparison(String shared, boolean different) {
        public static final Comparison NONE = new Comparison(null, false);
    }

    private static final String NAME = "[\\p{IsHan}A-Za-z0-9]";
    private static final int LONGEST_NAME = 8;

    /**
     * A kind of place, its pattern, and the suffixes one of which any match contains: a text holding none of
     * them is not searched with the pattern (most texts name one or two kinds; the patterns try every position).
     */
    private record Rule(Kind kind, Pattern pattern, List<String> suffixes) {
        Rule(Kind kind, String alternatives) {
            this(kind, suffix(alternatives), List.of(alternatives.split("\\|")));
        }

        boolean mayMatch(String text) {
            return suffixes.stream().anyMatch(text::contains);
        }
    }

    /** The suffixes, stop characters and word lists, kept with the other Chinese text outside the code. */
    private static final Properties DATA = load();

    // the order matters: 街道 before 街, a bus line's 路 before a road's, 小学 before 学校
    private static final String BUS_SUFFIX = DATA.getProperty("bus.suffix");
    private static final List<Rule> RULES = List.of(
            // every bus line names its 路 (bus.suffix)
            new Rule(Kind.BUS_LINE, Pattern.compile(DATA.getProperty("bus")), List.of(BUS_SUFFIX)),
            new Rule(Kind.TOWN, DATA.getProperty("town")),
            new Rule(Kind.SCHOOL, DATA.getProperty("school")),
            new Rule(Kind.COMPANY, DATA.getProperty("company")),
            new Rule(Kind.ESTATE, DATA.getProperty("estate")),
            new Rule(Kind.VILLAGE, DATA.getProperty("village")),
            new Rule(Kind.ROAD, DATA.getProperty("road")));

    private static Pattern suffix(String alternatives) {
        return Pattern.compile("(" + NAME + "{1," + LONGEST_NAME + "}?)(" + alternatives + ")");
    }

    /**
     * Characters after which a name starts: a name does not run across them. Larger divisions (province,
     * city, district, county) end the name of the division before; the others are words no place name holds.
     */
    private static final String BREAKS = DATA.getProperty("breaks");

    /** Names that are words, not places (a road called "horse", a school called "go to"). */
    private static final Set<String> NOT_NAMES = Set.of(DATA.getProperty("not-names").split(","));

    /** Words that end like a place but are none: the name's last character and the suffix. */
    private static final Set<String> WORDS = Set.of(DATA.getProperty("words").split(","));

    /** One spelling per suffix. */
    private static final Map<String, String> ALIASES = aliases(DATA.getProperty("aliases"));

    private static Properties load() {
        Properties p = new Properties();
        try (var in = PlaceNames.class.getResourceAsStream("place-names.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static Map<String, String> aliases(String list) {
        Map<String, String> map = new HashMap<>();
        for (String pair : list.split(",")) {
            String[] kv = pair.split(">");
            map.put(kv[0], kv[1]);
        }
        return map;
    }

    private PlaceNames() {
    }

    /** The places a text names, each once, in the order they first appear. */
    public static List<Place> in(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        StringBuilder rest = new StringBuilder(text);
        List<int[]> positions = new ArrayList<>();
        List<Place> found = new ArrayList<>();
        for (Rule rule : RULES) {
            if (!rule.mayMatch(text)) { // the text as given: the blanked copy holds no suffix it lacks
                continue;
            }
            Matcher m = rule.pattern().matcher(rest);
            while (m.find()) {
                String name = rule.kind() == Kind.BUS_LINE ? m.group(1) : trim(m.group(1));
                if (name == null || rule.kind() != Kind.BUS_LINE && isWord(name, m.group(2))) {
                    continue;
                }
                String suffix = rule.kind() == Kind.BUS_LINE ? BUS_SUFFIX : normalSuffix(m.group(2));
                int start = rule.kind() == Kind.BUS_LINE ? m.start() : m.end(1) - name.length();
                found.add(new Place(rule.kind(), name + suffix));
                positions.add(new int[] {start});
                // blank the match out so that 青岩镇 is not read again as part of a road or an estate
                for (int i = start; i < m.end(); i++) {
                    rest.setCharAt(i, ' ');
                }
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(i -> positions.get(i)[0]));
        Set<Place> distinct = new LinkedHashSet<>();
        order.forEach(i -> distinct.add(found.get(i)));
        return List.copyOf(distinct);
    }

    /**
     * Whether two texts name the same place or different ones. Different: for some kind both name
     * places of, they share none (two estates, two villages, two bus lines). The shared place shown is
     * the most specific both name.
     */
    public static Comparison compare(List<Place> a, List<Place> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Comparison.NONE;
        }
        Optional<Place> shared = a.stream().filter(b::contains).min(Comparator.comparing(Place::kind));
        boolean different = false;
        for (Kind kind : Kind.values()) {
            List<Place> ofA = a.stream().filter(p -> p.kind() == kind).toList();
            List<Place> ofB = b.stream().filter(p -> p.kind() == kind).toList();
            if (!ofA.isEmpty() && !ofB.isEmpty() && ofA.stream().noneMatch(ofB::contains)) {
                different = true;
                break;
            }
        }
        return new Comparison(shared.map(Place::name).orElse(null), different);
    }

    /**
     * Whether two chosen places (region codes: a district, a town or street, a village or community)
     * are different places: both known and neither inside the other. A town and one of its villages are
     * not different; two villages are, even of one town.
     */
    public static boolean codesDiffer(String codeA, String codeB) {
        if (codeA == null || codeB == null || codeA.isBlank() || codeB.isBlank()) {
            return false;
        }
        return !codeA.startsWith(codeB) && !codeB.startsWith(codeA);
    }

    private static String trim(String candidate) {
        int cut = -1;
        for (int i = 0; i < candidate.length(); i++) {
            if (BREAKS.indexOf(candidate.charAt(i)) >= 0) {
                cut = i;
            }
        }
        String name = candidate.substring(cut + 1);
        if (name.length() < 2 && !(name.length() == 1 && Character.isDigit(name.charAt(0)))) {
            return null;
        }
        return NOT_NAMES.contains(name) ? null : name;
    }

    private static boolean isWord(String name, String suffix) {
        return WORDS.contains(name.charAt(name.length() - 1) + suffix.substring(0, 1))
                || WORDS.contains(name.substring(name.length() - 1) + suffix);
    }

    private static String normalSuffix(String suffix) {
        return ALIASES.getOrDefault(suffix, suffix);
    }
}
