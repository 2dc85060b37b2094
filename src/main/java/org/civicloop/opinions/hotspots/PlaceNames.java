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

    // The lexicon is written as Unicode escapes (Java code holds no Chinese text, see I18nTests); it reads:
    // STOP     的了在是我你他她它们和与及到从把被也都就很不没这那个有对说要会能让给向往为因所以但而且又还请希望反映附近里上下本该全此各每某
    // GENERIC  乡镇 城镇 农村 乡村 马路 道路 公路 大路 小路 大街 街道 学校 医院 公司 市场 公园 广场 车站 新村 花园 小巷
    // COARSE   镇 乡 街道
    // endings  小区 花园 家园 公寓 新村 苑 村 社区 镇 乡 街道 大道 路 街 巷 小学 中学 大学 学校 幼儿园 医院 卫生院 公司 工厂 厂 市场 菜市场
    //          广场 公园 车站 大桥; 路 not before 灯面边口段上况费过人网基线, 街 not before 道灯边上头; bus lines: 3路公交, 3路车

    /** Characters that end a place's name backwards: function words, pronouns and punctuation. */
    private static final String STOP = "\u7684\u4E86\u5728\u662F\u6211\u4F60\u4ED6\u5979\u5B83\u4EEC\u548C\u4E0E\u53CA\u5230\u4ECE\u628A\u88AB\u4E5F\u90FD\u5C31\u5F88\u4E0D\u6CA1\u8FD9\u90A3\u4E2A\u6709\u5BF9\u8BF4\u8981\u4F1A\u80FD\u8BA9\u7ED9\u5411\u5F80\u4E3A\u56E0\u6240\u4EE5\u4F46\u800C\u4E14\u53C8\u8FD8\u8BF7\u5E0C\u671B\u53CD\u6620\u9644\u8FD1\u91CC\u4E0A\u4E0B\u672C\u8BE5\u5168\u6B64\u5404\u6BCF\u67D0";
    /** Words with a place's ending that name no particular place. */
    private static final Set<String> GENERIC = Set.of("\u4E61\u9547", "\u57CE\u9547", "\u519C\u6751", "\u4E61\u6751", "\u9A6C\u8DEF", "\u9053\u8DEF", "\u516C\u8DEF", "\u5927\u8DEF", "\u5C0F\u8DEF",
            "\u5927\u8857", "\u8857\u9053", "\u5B66\u6821", "\u533B\u9662", "\u516C\u53F8", "\u5E02\u573A", "\u516C\u56ED", "\u5E7F\u573A", "\u8F66\u7AD9", "\u65B0\u6751", "\u82B1\u56ED", "\u5C0F\u5DF7");
    /** Endings of a whole town or street: too coarse to tell two matters apart when a finer place is named. */
    private static final Pattern COARSE = Pattern.compile(".*(\u9547|\u4E61|\u8857\u9053)");
    private static final Pattern PLACE = Pattern.compile(
            "([^\\s\\p{Punct}\\p{IsPunctuation}\uFF0C\u3002\u3001\uFF1B\uFF1A\uFF01\uFF1F\u201C\u201D\u2018\u2019\uFF08\uFF09\u300A\u300B" + STOP + "]{1,10}?)"
                    + "(\u5C0F\u533A|\u82B1\u56ED|\u5BB6\u56ED|\u516C\u5BD3|\u65B0\u6751|\u82D1|\u6751|\u793E\u533A|\u9547|\u4E61|\u8857\u9053|\u5927\u9053|\u8DEF(?![\u706F\u9762\u8FB9\u53E3\u6BB5\u4E0A\u51B5\u8D39\u8FC7\u4EBA\u7F51\u57FA\u7EBF])|\u8857(?![\u9053\u706F\u8FB9\u4E0A\u5934])|\u5DF7"
                    + "|\u5C0F\u5B66|\u4E2D\u5B66|\u5927\u5B66|\u5B66\u6821|\u5E7C\u513F\u56ED|\u533B\u9662|\u536B\u751F\u9662|\u516C\u53F8|\u5DE5\u5382|\u5382|\u5E02\u573A|\u83DC\u5E02\u573A|\u5E7F\u573A|\u516C\u56ED|\u8F66\u7AD9|\u5927\u6865)");
    private static final Pattern BUS_LINE = Pattern.compile("(\\d{1,4})\\s*\u8DEF(\u516C\u4EA4|\u8F66|\u6C7D\u8F66)");

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
            places.add(bus.group(1) + "\u8DEF\u516C\u4EA4");
        }
        Matcher m = PLACE.matcher(text);
        while (m.find()) {
            String name = m.group(1) + m.group(2);
            if (!name.matches("\\d+\u8DEF") && !GENERIC.contains(name)) {
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
