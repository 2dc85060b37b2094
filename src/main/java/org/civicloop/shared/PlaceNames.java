package org.civicloop.shared;

import java.util.ArrayList;
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

    private record Rule(Kind kind, Pattern pattern) {
    }

    // the order matters: 街道 before 街, a bus line's 路 before a road's, 小学 before 学校
    private static final List<Rule> RULES = List.of(
            new Rule(Kind.BUS_LINE, Pattern.compile("([0-9０-９]{1,3}|[A-Za-z][0-9]{1,3})路(?:公交车?|公共汽车|车|线)")),
            new Rule(Kind.TOWN, suffix("街道办事处|街道办|街道|镇|乡")),
            new Rule(Kind.SCHOOL, suffix("小学|中学|幼儿园|学校|大学|学院|一中|二中|三中|四中|五中|六中|七中|八中|九中")),
            new Rule(Kind.COMPANY, suffix("有限责任公司|有限公司|公司|工厂|厂")),
            new Rule(Kind.ESTATE, suffix("花园小区|家园小区|苑小区|小区|花园|家园|苑")),
            new Rule(Kind.VILLAGE, suffix("社区|村")),
            new Rule(Kind.ROAD, suffix("大道|大街|路|街")));

    private static Pattern suffix(String alternatives) {
        return Pattern.compile("(" + NAME + "{1," + LONGEST_NAME + "}?)(" + alternatives + ")");
    }

    /**
     * Characters after which a name starts: a name does not run across them. Larger divisions (省, 市,
     * 区, 县) end the name of the division before; the others are words no place name holds here.
     */
    private static final String BREAKS = "的在是了和与及到从我们他她你这那个去来往对把被给向住省市区县里上下边旁前后近附条座所家都也还说有没要请让经过门口";

    /** Names that are words, not places: 马路, 公路, 一条街, 学校 alone. */
    private static final Set<String> NOT_NAMES = Set.of("马", "公", "道", "一", "小", "大", "中", "新", "老", "本", "该",
            "城", "乡", "农", "街", "铁", "马路", "水泥", "一些", "有些", "整个", "附近", "周边", "周围", "每个", "各个",
            "所有", "全部", "上学", "放学", "好几", "很多", "许多", "其他", "其它", "同一", "外面", "里面", "对面", "隔壁",
            "城区", "农村", "城镇", "乡镇", "本村", "本镇", "本小区", "同村", "邻村", "我村", "该村", "该小区", "出租", "网约",
            "公交", "施工", "物业", "开发", "房地产", "装修", "快递", "外卖", "培训", "辅导", "民办", "公办", "私立");

    /** Words that end like a place but are none: the name's last character and the suffix. */
    private static final Set<String> WORDS = Set.of("走路", "道路", "公路", "马路", "出路", "线路", "电路", "思路", "铁路",
            "小路", "山路", "土路", "岔路", "修路", "断路", "水路", "引路", "带路", "让路", "问路", "绕路", "近路", "远路",
            "半路", "堵路", "挡路", "占路", "小街", "逛街", "上街", "临街", "沿街", "农村", "全村",
            "城镇", "全镇", "乡镇", "城乡", "老乡", "家乡", "下乡", "回乡", "小区", "老区", "社区", "工厂", "全厂", "建厂",
            "办厂", "花园", "公园", "学校", "中学", "小学", "大学", "全校");

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
            Matcher m = rule.pattern().matcher(rest);
            while (m.find()) {
                String name = rule.kind() == Kind.BUS_LINE ? m.group(1) : trim(m.group(1));
                if (name == null || rule.kind() != Kind.BUS_LINE && isWord(name, m.group(2))) {
                    continue;
                }
                String suffix = rule.kind() == Kind.BUS_LINE ? "路" : normalSuffix(m.group(2));
                int start = rule.kind() == Kind.BUS_LINE ? m.start() : m.end(1) - name.length();
                found.add(new Place(rule.kind(), name + suffix));
                positions.add(new int[] {start});
                // blank the match out so that 青岩镇 is not read again as part of a road or an estate
                for (int i = start; i < m.end(); i++) {
                    rest.setCharAt(i, '，');
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

    /** One spelling per suffix: 街道办事处 and 街道办 are 街道, 有限责任公司 and 有限公司 are 公司. */
    private static String normalSuffix(String suffix) {
        return switch (suffix) {
            case "街道办事处", "街道办" -> "街道";
            case "有限责任公司", "有限公司" -> "公司";
            case "工厂" -> "厂";
            // 阳光花园小区 and 阳光花园 are one estate
            case "花园小区" -> "花园";
            case "家园小区" -> "家园";
            case "苑小区" -> "苑";
            default -> suffix;
        };
    }
}
