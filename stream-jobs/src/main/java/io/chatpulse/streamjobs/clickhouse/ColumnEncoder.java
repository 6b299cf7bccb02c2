package io.chatpulse.streamjobs.clickhouse;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a value of one ClickHouse column type is written in the RowBinary format: little-endian
 * integers of the type's width, strings as a varint length and their UTF-8 bytes, an Enum8 as its
 * code, a Nullable as a null flag byte before the value. Made from the type the server describes,
 * so the encoding follows the schema rather than a copy of it here.
 */
abstract class ColumnEncoder {

    private static final Pattern ENUM_ENTRY = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'\\s*=\\s*(-?\\d+)");

    final String type;

    ColumnEncoder(String type) {
        this.type = type;
    }

    /** The encoder for a type as {@code DESCRIBE TABLE} prints it. */
    static ColumnEncoder of(String type) {
        if (type.startsWith("Nullable(")) {
            return new NullableEncoder(type, of(inner(type)));
        }
        if (type.startsWith("LowCardinality(")) {
            return of(inner(type));
        }
        if (type.startsWith("DateTime64(")) {
            return new IntegerEncoder(type, 8, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (type.startsWith("DateTime(") || type.equals("DateTime")) {
            return new IntegerEncoder(type, 4, 0, 0xFFFF_FFFFL);
        }
        if (type.startsWith("Enum8(")) {
            return new Enum8Encoder(type);
        }
        return switch (type) {
            case "String" -> new StringEncoder(type);
            case "Int64" -> new IntegerEncoder(type, 8, Long.MIN_VALUE, Long.MAX_VALUE);
            case "UInt64" -> new IntegerEncoder(type, 8, 0, Long.MAX_VALUE);
            case "Int32" -> new IntegerEncoder(type, 4, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case "UInt32" -> new IntegerEncoder(type, 4, 0, 0xFFFF_FFFFL);
            case "Int16" -> new IntegerEncoder(type, 2, Short.MIN_VALUE, Short.MAX_VALUE);
            case "UInt16" -> new IntegerEncoder(type, 2, 0, 0xFFFF);
            case "Int8" -> new IntegerEncoder(type, 1, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case "UInt8" -> new IntegerEncoder(type, 1, 0, 0xFF);
            case "Bool" -> new IntegerEncoder(type, 1, 0, 1);
            case "Float64" -> new Float64Encoder(type);
            default -> throw new IllegalArgumentException("the ClickHouse sink cannot write a column of type " + type);
        };
    }

    private static String inner(String type) {
        return type.substring(type.indexOf('(') + 1, type.length() - 1);
    }

    void writeString(RowBuffer out, String value) {
        throw wrongValue("a string");
    }

    void writeLong(RowBuffer out, long value) {
        throw wrongValue("an integer");
    }

    void writeDouble(RowBuffer out, double value) {
        throw wrongValue("a floating-point number");
    }

    void writeNull(RowBuffer out) {
        throw wrongValue("NULL");
    }

    IllegalArgumentException wrongValue(String what) {
        return new IllegalArgumentException("a " + type + " column cannot take " + what);
    }

    private static final class StringEncoder extends ColumnEncoder {
        StringEncoder(String type) {
            super(type);
        }

        @Override
        void writeString(RowBuffer out, String value) {
            if (value == null) {
                throw wrongValue("null (empty string or a Nullable column?)");
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            out.varint(bytes.length);
            out.bytes(bytes);
        }
    }

    private static final class IntegerEncoder extends ColumnEncoder {
        private final int width;
        private final long min;
        private final long max;

        IntegerEncoder(String type, int width, long min, long max) {
            super(type);
            this.width = width;
            this.min = min;
            this.max = max;
        }

        @Override
        void writeLong(RowBuffer out, long value) {
            if (value < min || value > max) {
                throw wrongValue(Long.toString(value));
            }
            out.littleEndian(value, width);
        }
    }

    private static final class Float64Encoder extends ColumnEncoder {
        Float64Encoder(String type) {
            super(type);
        }

        @Override
        void writeDouble(RowBuffer out, double value) {
            out.littleEndian(Double.doubleToRawLongBits(value), 8);
        }
    }

    private static final class Enum8Encoder extends ColumnEncoder {
        private final Map<String, Byte> codes = new HashMap<>();

        Enum8Encoder(String type) {
            super(type);
            Matcher entry = ENUM_ENTRY.matcher(type);
            while (entry.find()) {
                // Interned, so that a value given as a literal (every enum of the jobs) matches by identity.
                codes.put(entry.group(1).replace("\\'", "'").intern(), Byte.parseByte(entry.group(2)));
            }
        }

        @Override
        void writeString(RowBuffer out, String value) {
            Byte code = codes.get(value);
            if (code == null) {
                throw wrongValue("'" + value + "'");
            }
            out.littleEndian(code, 1);
        }
    }

    private static final class NullableEncoder extends ColumnEncoder {
        private final ColumnEncoder value;

        NullableEncoder(String type, ColumnEncoder value) {
            super(type);
            this.value = value;
        }

        @Override
        void writeNull(RowBuffer out) {
            out.littleEndian(1, 1);
        }

        @Override
        void writeString(RowBuffer out, String text) {
            if (text == null) {
                writeNull(out);
                return;
            }
            out.littleEndian(0, 1);
            value.writeString(out, text);
        }

        @Override
        void writeLong(RowBuffer out, long number) {
            out.littleEndian(0, 1);
            value.writeLong(out, number);
        }

        @Override
        void writeDouble(RowBuffer out, double number) {
            out.littleEndian(0, 1);
            value.writeDouble(out, number);
        }
    }
}
