package dev.latchkey.test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/** Hand-made PNG files whose header says one thing and whose size says another: decompression bombs. */
public final class PngFiles {

    private PngFiles() {}

    /** A PNG of a few hundred bytes whose header declares {@code width × height} 8-bit grey pixels. */
    public static byte[] declaring(int width, int height) {
        return png(width, height, 8, zlib(new byte[width < 64 ? width + 1 : 65], 1));
    }

    /** A black 1-bit PNG with every row present: a few kilobytes that decode to {@code width × height} pixels. */
    public static byte[] blank(int width, int height) {
        return png(width, height, 1, zlib(new byte[1 + (width + 7) / 8], height));
    }

    private static byte[] png(int width, int height, int bitDepth, byte[] idat) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            DataOutputStream ihdr = new DataOutputStream(header);
            ihdr.writeInt(width);
            ihdr.writeInt(height);
            ihdr.write(new byte[] {(byte) bitDepth, 0, 0, 0, 0}); // grey, deflate, no filter method, no interlace
            chunk(out, "IHDR", header.toByteArray());
            chunk(out, "IDAT", idat);
            chunk(out, "IEND", new byte[0]);
            return bytes.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** {@code row} (a filter byte and zero pixels) {@code times} over, deflated. */
    private static byte[] zlib(byte[] row, int times) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream out =
                new DeflaterOutputStream(compressed, new Deflater(Deflater.BEST_COMPRESSION), 64 * 1024)) {
            for (int i = 0; i < times; i++) {
                out.write(row);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return compressed.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }
}
