package org.civicloop.opinions.hotspots;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The places a text names, found by their Chinese endings: an estate (小区, 花园, 苑), a village or
 * community (村, 社区), a town (镇, 街道), a road or street (路, 街, 巷), a school, hospital, company,
 * market, park or station, and bus lines (3路公交). Crude by design: a name is the run of characters
 * before its ending that holds no function word; two names are the same place when one contains the
 * other (阳光小区 and 花溪阳光小区).
 */
final class PlaceNames {

    /** Characters that end a place's name backwards: function words, pronouns and punctuation. */
    private static final String STOP = "的了在是我你他她它们和与及到从把被也都就很不没这那个有对说要会能让给向往为因所以但而且又还请希望反映附近里上下本该全此各每某";
    /** Words with a place's ending that name no particular place. */
    private static final Set<String> GENERIC = Set.of("乡镇", "城镇", "农村", "乡村", "马路", "道路", "公路", "大路", "小路",
            "大街", "街道", "学校", "医院", "公司", "市场", "公园", "广场", "车站", "新村", "花园", "小巷");
    /** Endings of a whole town or street: too coarse to tell two matters apart when a finer place is named. */
    private static final Pattern COARSE = Pattern.compile(".*(镇|乡|街道)");
    private static final Pattern PLACE = Pattern.compile(
            "([^\\s\\p{Punct}\\p{IsPunctuation}，。、；：！？“”‘’（）《》" + STOP + "]{1,10}?)"
                    + "(小区|花园|家园|公寓|新村|苑|村|社区|镇|乡|街道|大道|路(?![灯面边口段上况费过人网基线])|街(?![道灯边上头])|巷"
                    + "|小学|中学|大学|学校|幼儿园|医院|卫生院|公司|工厂|厂|市场|菜市场|广场|公园|车站|大桥)");
    private static final Pattern BUS_LINE = Pattern.compile("(\\d{1,4})\\s*路(公交|车|汽车)");

    private PlaceNames() {
    }

    /** The places {@code text} names, in order of first mention; empty when it names none. */
    static Set<String> in(String text) {
        Set<String> places = new LinkedHashSet<>();
        if (text == null) {
            return places;
        }
        Matcher bus = BUS_LINE.matcher(text);
        while (bus.find()) {
            places.add(bus.group(1) + "路公交");
        }
        Matcher m = PLACE.matcher(text);
        while (m.find()) {
            String name = m.group(1) + m.group(2);
            if (!name.matches("\\d+路") && !GENERIC.contains(name)) {
                places.add(name);
            }
        }
        return places;
    }

    /** Whether two texts may speak of the same place: yes unless both name places and none of them agree. */
    static boolean samePlace(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return true;
        }
        Set<String> fineA = fine(a);
        Set<String> fineB = fine(b);
        if (!fineA.isEmpty() && !fineB.isEmpty()) {
            a = fineA;
            b = fineB;
        }
        for (String x : a) {
            for (String y : b) {
                if (x.contains(y) || y.contains(x)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The names finer than a town or street (an estate, a road, a school). */
    static Set<String> fine(Set<String> names) {
        Set<String> fine = new LinkedHashSet<>();
        for (String n : names) {
            if (!COARSE.matcher(n).matches()) {
                fine.add(n);
            }
        }
        return fine;
    }

    /**
     * Whether two opinions' chosen places (region codes) allow the same matter: yes unless both lie in
     * a town or street (code of 9 digits or more) and the towns differ.
     */
    static boolean sameTown(String codeA, String codeB) {
        if (codeA == null || codeB == null || codeA.length() < 9 || codeB.length() < 9) {
            return true;
        }
        return codeA.substring(0, 9).equals(codeB.substring(0, 9));
    }
}
