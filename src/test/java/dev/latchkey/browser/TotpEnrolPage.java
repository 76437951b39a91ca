package dev.latchkey.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.microsoft.playwright.Page;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Authenticator set-up (from the security page or forced during sign-in): {@code img#totp-qr}, {@code #totp-secret}.
 */
final class TotpEnrolPage {

    private final Page page;

    TotpEnrolPage(Page page) {
        this.page = page;
        assertThat(page.locator("img#totp-qr")).isVisible();
        assertThat(page.locator("#totp-confirm-form")).isVisible();
    }

    /** The {@code otpauth://} URI, read by decoding the QR code exactly as the browser rendered it. */
    URI scanQr() {
        page.waitForFunction("() => { const qr = document.getElementById('totp-qr');"
                + " return qr.complete && qr.naturalWidth > 0; }");
        byte[] png = page.locator("img#totp-qr").screenshot();
        try {
            var image = ImageIO.read(new ByteArrayInputStream(png));
            // as a phone's camera would, look at it from a little nearer or farther when the first look fails:
            // ZXing's finder misses a few renderings at exactly the browser's size that it reads when scaled
            NotFoundException missed = null;
            for (double scale : new double[] {1.0, 1.5, 0.75}) {
                var bitmap =
                        new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(scaled(image, scale))));
                try {
                    return URI.create(new QRCodeReader()
                            .decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, true))
                            .getText());
                } catch (NotFoundException notHere) {
                    missed = notHere;
                }
            }
            throw missed;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (NotFoundException | com.google.zxing.ChecksumException | com.google.zxing.FormatException ex) {
            Path kept = BrowserTestSupport.SCREENSHOTS.resolve("failures").resolve("unreadable-qr.png");
            try {
                Files.createDirectories(kept.getParent());
                Files.write(kept, png);
            } catch (IOException ignored) {
                // the assertion below says what matters
            }
            throw new AssertionError("the QR code on the page cannot be read (kept as " + kept + ")", ex);
        }
    }

    private static java.awt.image.BufferedImage scaled(java.awt.image.BufferedImage image, double scale) {
        if (scale == 1.0) {
            return image;
        }
        int width = (int) Math.round(image.getWidth() * scale);
        int height = (int) Math.round(image.getHeight() * scale);
        var result = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var graphics = result.createGraphics();
        graphics.setRenderingHint(
                java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.drawImage(image, 0, 0, width, height, null);
        graphics.dispose();
        return result;
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> query = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    String manualKey() {
        return page.locator("#totp-secret").innerText();
    }

    void confirm(String code) {
        page.locator("#totp-confirm-form input[name=code]").fill(code);
        page.locator("#totp-confirm-form button[type=submit]").click();
    }
}
