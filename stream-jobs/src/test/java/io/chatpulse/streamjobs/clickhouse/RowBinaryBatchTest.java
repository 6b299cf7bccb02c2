package io.chatpulse.streamjobs.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowBinaryBatchTest {

    @Test
    void encodesEachValueAsItsColumnTypeSaysInRowBinary() throws Exception {
        RowBinaryBatch batch = batch(List.of("LowCardinality(String)", "DateTime64(3, 'UTC')", "UInt32",
                "Enum8('answered' = 1, 'abandoned' = 2)", "Nullable(DateTime64(3, 'UTC'))", "Bool", "Float64",
                "DateTime('UTC')"));
        batch.setString(1, "é");
        batch.setLong(2, 1_000);
        batch.setInt(3, 300);
        batch.setString(4, "abandoned");
        batch.setNull(5);
        batch.setInt(6, 1);
        batch.setDouble(7, 1.5);
        batch.setLong(8, 60);
        batch.endRow();

        assertThat(hex(batch)).isEqualTo("02c3a9" + "e803000000000000" + "2c010000" + "02" + "01" + "01"
                + "000000000000f83f" + "3c000000");
        assertThat(batch.rows()).isEqualTo(1);
    }

    @Test
    void aNullableValueFollowsItsNotNullFlagAndLongStringsTakeAVarintLength() throws Exception {
        RowBinaryBatch batch = batch(List.of("Nullable(Int64)", "String"));
        batch.setLong(1, -1);
        batch.setString(2, "x".repeat(200));
        batch.endRow();

        assertThat(hex(batch)).startsWith("00" + "ffffffffffffffff" + "c801" + "78");
    }

    @Test
    void refusesValuesTheColumnCannotHold() {
        RowBinaryBatch batch = batch(List.of("UInt32", "Enum8('a' = 1)", "String", "UInt64"));
        assertThatThrownBy(() -> batch.setLong(1, -5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("UInt32").hasMessageContaining("-5");
        assertThatThrownBy(() -> batch(List.of("Enum8('a' = 1)")).setString(1, "b"))
                .hasMessageContaining("'b'");
        assertThatThrownBy(() -> batch(List.of("String")).setString(1, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> batch(List.of("String")).setNull(1)).hasMessageContaining("NULL");
        assertThatThrownBy(() -> ColumnEncoder.of("Array(String)")).hasMessageContaining("Array(String)");
    }

    @Test
    void columnsMustBeSetInOrderAndEveryOneOfThem() {
        RowBinaryBatch batch = batch(List.of("String", "UInt64"));
        assertThatThrownBy(() -> batch.setLong(2, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("column 2 set where column 1 (c1) was due");

        RowBinaryBatch half = batch(List.of("String", "UInt64"));
        half.setString(1, "a");
        assertThatThrownBy(half::endRow).hasMessageContaining("set 1 of its 2 columns");
    }

    private static RowBinaryBatch batch(List<String> types) {
        List<String> columns = java.util.stream.IntStream.rangeClosed(1, types.size()).mapToObj(i -> "c" + i).toList();
        return new RowBinaryBatch("t", columns, types.stream().map(ColumnEncoder::of).toList());
    }

    private static String hex(RowBinaryBatch batch) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        batch.writeTo(out);
        return HexFormat.of().formatHex(out.toByteArray());
    }
}
