package dev.latchkey.mfa.totp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

/** The enrolment QR code is one that a scanner built on ZXing finds and reads, not merely a valid QR code. */
class QrCodesTests {

    /** ZXing's writer, left to choose the mask, makes a code for this text that ZXing's reader cannot find. */
    private static final String UNLUCKY =
            Authenticators.otpauthUri("Acme Leasing", "user642@acme.test", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");

    @Test
    void aTextWhoseDefaultCodeNoScannerReadsGetsAnotherMaskThatOneDoes() throws IOException {
        assertThat(QrCodes.reads(QrCodes.image(UNLUCKY, 280, null), UNLUCKY))
                .as("ZXing's default code for this text is unreadable (if a new ZXing reads it, pick another text)")
                .isFalse();

        assertThat(QrCodes.reads(decodePng(QrCodes.pngBase64(UNLUCKY, 280)), UNLUCKY))
                .isTrue();
    }

    @Test
    void everyEnrolmentCodeIsReadBackAsTheSameUri() throws IOException {
        Random random = new Random(20261123);
        List<String> unreadable = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            byte[] secret = new byte[20];
            random.nextBytes(secret);
            String account = "u-" + Integer.toHexString(random.nextInt()) + "@globex.test";
            String key = new Base32().encodeToString(secret).replace("=", "");
            String uri = Authenticators.otpauthUri("Globex", account, key);
            if (!QrCodes.reads(decodePng(QrCodes.pngBase64(uri, 280)), uri)) {
                unreadable.add(uri);
            }
        }
        assertThat(unreadable).isEmpty();
    }

    private static java.awt.image.BufferedImage decodePng(String base64) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
    }
}
