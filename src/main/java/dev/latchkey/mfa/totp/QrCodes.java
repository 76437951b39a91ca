package dev.latchkey.mfa.totp;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Renders a text as a QR code PNG with ZXing, in a form that a scanner finds.
 *
 * <p>A QR code's data is XOR-ed with one of eight mask patterns. The writer picks the mask with the lowest penalty
 * score, but for about one text in a hundred that code still contains shapes that ZXing's own reader (the open-source
 * library inside many scanning apps) takes for a finder pattern, and it cannot read the code at all. Each code is
 * therefore read back, as a scanner would and not as a "pure barcode", before it is shown; when it cannot be read, the
 * other masks are tried in turn. This costs about a millisecond per enrolment page.
 */
final class QrCodes {

    private static final int MASK_PATTERNS = 8;

    private static final List<Map<DecodeHintType, Object>> SCANNERS =
            List.of(Map.of(), Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));

    private QrCodes() {}

    static String pngBase64(String text, int size) {
        BufferedImage image = readableImage(text, size);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "PNG", png);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return Base64.getEncoder().encodeToString(png.toByteArray());
    }

    /** The writer's own choice if a scanner reads it, else the first mask pattern that one does. */
    static BufferedImage readableImage(String text, int size) {
        BufferedImage chosen = image(text, size, null);
        for (int mask = 0; mask < MASK_PATTERNS && !reads(chosen, text); mask++) {
            chosen = image(text, size, mask);
        }
        // should all eight fail (never seen), the last is shown: the manual key stands beside it on the page
        return chosen;
    }

    static BufferedImage image(String text, int size, Integer maskPattern) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 2);
        if (maskPattern != null) {
            hints.put(EncodeHintType.QR_MASK_PATTERN, maskPattern);
        }
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, hints);
            return MatrixToImageWriter.toBufferedImage(matrix);
        } catch (WriterException ex) {
            throw new IllegalArgumentException("Text does not fit a QR code", ex);
        }
    }

    /** Whether ZXing's reader, with and without its "try harder" mode, finds the code and reads {@code text}. */
    static boolean reads(BufferedImage image, String text) {
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        for (Map<DecodeHintType, Object> hints : SCANNERS) {
            try {
                if (!text.equals(new QRCodeReader().decode(bitmap, hints).getText())) {
                    return false;
                }
            } catch (ReaderException ex) {
                return false;
            }
        }
        return true;
    }
}
