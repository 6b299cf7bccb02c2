package io.chatpulse.streamjobs.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clickhouse.data.ClickHouseColumn;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The bytes client-v2's writer gives for each type the tables use, written out by hand from the RowBinary format. */
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
    void refusesAtTheEndOfTheRowAValueItsColumnCannotHoldNamingTheTable() {
        assertThatThrownBy(() -> row("UInt32", batch -> batch.setLong(1, -5))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("t: ").hasMessageContaining("-5");
        assertThatThrownBy(() -> row("Enum8('a' = 1)", batch -> batch.setString(1, "b"))).hasMessageContaining("b");
        assertThatThrownBy(() -> row("String", batch -> batch.setString(1, null))).hasMessageContaining("c1");
        assertThatThrownBy(() -> row("String", batch -> batch.setNull(1))).hasMessageContaining("null");
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
        return new RowBinaryBatch("t", IntStream.range(0, types.size())
                .mapToObj(i -> ClickHouseColumn.of("c" + (i + 1), types.get(i))).toList());
    }

    private static void row(String type, Consumer<RowBinaryBatch> set) {
        RowBinaryBatch batch = batch(List.of(type));
        set.accept(batch);
        batch.endRow();
    }

    private static String hex(RowBinaryBatch batch) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        batch.writeTo(out);
        return HexFormat.of().formatHex(out.toByteArray());
    }
}
