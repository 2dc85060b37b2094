package org.civicloop.liaison.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A schematic map of Huaxi's nineteen streets and towns, drawn without map tiles: one rounded square per
 * place on a 5 × 5 grid, laid out roughly as they lie (the city streets to the north, 久安 north-west,
 * 湖潮 and 党武 west, 高坡 far south-east, 马铃 at the southern tip). Each square is coloured by the
 * chosen figure in five steps (none, then quarters of the largest value).
 */
public final class TownMap {

    static final int TILE = 112;
    static final int GAP = 8;
    static final int COLUMNS = 5;
    static final int ROWS = 5;
    /** Light to dark: nothing counted, then up to a quarter, a half, three quarters and all of the largest value. */
    static final List<String> FILLS = List.of("#eceff1", "#fde3df", "#f5a99d", "#d9534f", "#9e1b1b");

    /** Region code → (column, row). */
    private static final Map<String, int[]> LAYOUT = Map.ofEntries(
            Map.entry("520111205", new int[] {1, 0}), // 久安乡
            Map.entry("520111011", new int[] {2, 0}), // 金筑街道
            Map.entry("520111008", new int[] {3, 0}), // 黄河路街道
            Map.entry("520111010", new int[] {4, 0}), // 小孟街道
            Map.entry("520111204", new int[] {0, 1}), // 湖潮乡
            Map.entry("520111102", new int[] {1, 1}), // 石板镇
            Map.entry("520111007", new int[] {2, 1}), // 溪北街道
            Map.entry("520111009", new int[] {3, 1}), // 平桥街道
            Map.entry("520111201", new int[] {4, 1}), // 孟关乡
            Map.entry("520111012", new int[] {0, 2}), // 党武街道
            Map.entry("520111006", new int[] {1, 2}), // 清溪街道
            Map.entry("520111005", new int[] {2, 2}), // 阳光街道
            Map.entry("520111004", new int[] {3, 2}), // 贵筑街道
            Map.entry("520111104", new int[] {0, 3}), // 麦坪镇
            Map.entry("520111105", new int[] {1, 3}), // 燕楼镇
            Map.entry("520111101", new int[] {2, 3}), // 青岩镇
            Map.entry("520111208", new int[] {3, 3}), // 黔陶乡
            Map.entry("520111207", new int[] {4, 3}), // 高坡乡
            Map.entry("520111209", new int[] {1, 4})  // 马铃乡
    );

    /** One square: where it is, its colour, its short and full name, the value and where it links. */
    public record Tile(String code, String name, String shortName, int x, int y, String fill, boolean darkFill, long value,
                String href) {
    }

    private TownMap() {
    }

    static int width() {
        return COLUMNS * (TILE + GAP) + GAP;
    }

    static int height() {
        return ROWS * (TILE + GAP) + GAP;
    }

    /** The squares of the places on the map that {@code names} knows, coloured by {@code value}. */
    static List<Tile> tiles(Map<String, String> names, Function<String, Long> value, Function<String, String> href) {
        long max = 0;
        for (String code : LAYOUT.keySet()) {
            max = Math.max(max, value.apply(code));
        }
        List<Tile> tiles = new ArrayList<>();
        for (var e : LAYOUT.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            String name = names.get(e.getKey());
            if (name == null) {
                continue;
            }
            long v = value.apply(e.getKey());
            int step = step(v, max);
            tiles.add(new Tile(e.getKey(), name, shortName(name), GAP + e.getValue()[0] * (TILE + GAP),
                    GAP + e.getValue()[1] * (TILE + GAP), FILLS.get(step), step >= 3, v, href.apply(e.getKey())));
        }
        return tiles;
    }

    /** 0 for nothing, else 1–4 by quarters of the largest value. */
    static int step(long value, long max) {
        if (value <= 0 || max <= 0) {
            return 0;
        }
        return (int) Math.min(4, Math.max(1, Math.ceil(value * 4.0 / max)));
    }

    /** 孟关苗族布依族乡 → 孟关, 贵筑街道 → 贵筑, 青岩镇 → 青岩: what fits in a square. */
    static String shortName(String name) {
        // the suffixes of the names in guiyang-regions.csv (data, not text of the interface), escaped:
        // 街道 | 镇 | 乡, then the ethnic part of a 民族乡's name, 苗族 | 布依族
        String s = name.replaceAll("(\u8857\u9053|\u9547|\u4e61)$", "");
        return s.replaceAll("(\u82d7\u65cf|\u5e03\u4f9d\u65cf)+$", "");
    }
}
