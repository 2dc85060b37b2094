package org.civicloop.shared.spreadsheet;

import java.util.Objects;

/**
 * One column of an exported sheet: its header text (already in the reader's language), the kind
 * of value it holds, its width in characters (0: as wide as the widest value, up to 60) and an
 * optional Excel number format that overrides the writer's default for the type.
 */
public record Column(String header, Type type, int width, String format) {

    /** What a column's cells hold; each type takes the Java values listed. */
    public enum Type {
        /** Any object, written as its {@code toString()}; never interpreted as a formula. */
        TEXT,
        /** Whole numbers ({@code Integer}, {@code Long}, {@code BigInteger}, …); above 15 digits written as text so no digit is lost. */
        LONG,
        /** {@code BigDecimal} or any {@code Number}; default format {@code #,##0.00}. */
        DECIMAL,
        /** {@code LocalDateTime}, {@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime}, {@code Date}, {@code LocalDate}. */
        DATE_TIME,
        /** {@code LocalDate} or anything {@link #DATE_TIME} takes (the time is not shown). */
        DATE
    }

    public Column {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(type, "type");
        if (width < 0 || width > 255) {
            throw new IllegalArgumentException("Width is 0 (automatic) to 255 characters");
        }
    }

    public static Column text(String header) {
        return new Column(header, Type.TEXT, 0, null);
    }

    public static Column text(String header, int width) {
        return new Column(header, Type.TEXT, width, null);
    }

    public static Column whole(String header) {
        return new Column(header, Type.LONG, 0, null);
    }

    public static Column decimal(String header) {
        return new Column(header, Type.DECIMAL, 0, null);
    }

    /** @param format an Excel number format such as {@code 0.0} or {@code #,##0.00} */
    public static Column decimal(String header, String format) {
        return new Column(header, Type.DECIMAL, 0, format);
    }

    public static Column dateTime(String header) {
        return new Column(header, Type.DATE_TIME, 0, null);
    }

    public static Column date(String header) {
        return new Column(header, Type.DATE, 0, null);
    }

    public Column withWidth(int characters) {
        return new Column(header, type, characters, format);
    }

    public Column withFormat(String excelFormat) {
        return new Column(header, type, width, excelFormat);
    }
}
