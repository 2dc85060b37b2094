package org.civicloop.performance.evaluation.domain;

import java.util.ArrayList;
import java.util.List;
import org.civicloop.shared.InvalidInput;

/**
 * A new indicator of the library, as any entry point gives it; {@link #check()} lists every problem.
 * Category, direction and own loop are enum names; a typed indicator names its source department,
 * an own-loop one has none.
 */
public record IndicatorDraft(String code, String name, String unit, String category, String direction, Long sourceUnitId,
                             String ownLoop) {

    public IndicatorDraft normalised() {
        return new IndicatorDraft(strip(code), strip(name), strip(unit), strip(category), strip(direction), sourceUnitId,
                strip(ownLoop).isEmpty() ? null : strip(ownLoop));
    }

    public List<InvalidInput.Problem> check() {
        IndicatorDraft d = normalised();
        List<InvalidInput.Problem> problems = new ArrayList<>();
        if (!d.code().matches("[A-Za-z][A-Za-z0-9_-]{0,39}")) {
            problems.add(new InvalidInput.Problem("code", "performance.eval.error.code"));
        }
        if (d.name().isEmpty() || d.name().length() > 200) {
            problems.add(new InvalidInput.Problem("name", "performance.eval.error.name"));
        }
        if (d.unit().isEmpty() || d.unit().length() > 40) {
            problems.add(new InvalidInput.Problem("unit", "performance.eval.error.unit"));
        }
        if (!isEnum(IndicatorCategory.class, d.category())) {
            problems.add(new InvalidInput.Problem("category", "performance.eval.error.category"));
        }
        if (!isEnum(Direction.class, d.direction())) {
            problems.add(new InvalidInput.Problem("direction", "performance.eval.error.direction"));
        }
        if (d.ownLoop() != null && !isEnum(OwnLoop.class, d.ownLoop())) {
            problems.add(new InvalidInput.Problem("ownLoop", "performance.eval.error.ownLoop"));
        }
        if (d.ownLoop() == null && d.sourceUnitId() == null) {
            problems.add(new InvalidInput.Problem("sourceUnitId", "performance.eval.error.sourceUnit"));
        }
        return problems;
    }

    static <E extends Enum<E>> boolean isEnum(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
