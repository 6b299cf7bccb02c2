package io.chatpulse.streamjobs.clickhouse;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/** A growing byte array that RowBinary values are appended to. */
final class RowBuffer {

    private byte[] bytes = new byte[64 * 1024];
    private int size;

    void littleEndian(long value, int width) {
        ensure(width);
        for (int i = 0; i < width; i++) {
            bytes[size++] = (byte) (value >>> (8 * i));
        }
    }

    /** An unsigned LEB128 length, as RowBinary prefixes a string with. */
    void varint(int value) {
        ensure(5);
        int rest = value;
        while ((rest & ~0x7F) != 0) {
            bytes[size++] = (byte) ((rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        bytes[size++] = (byte) rest;
    }

    void bytes(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
    }

    int size() {
        return size;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
