package dev.latchkey.sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.test.PngFiles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A logo's size is checked in its header, before a single pixel is decoded (SECURITY.md, the logo row). */
class BrandingTests {

    /** Far below what decoding any of the refused images would allocate (50 MB to 1.6 GB). */
    private static final long FEW_MEGABYTES = 8L * 1024 * 1024;

    @BeforeAll
    static void warmUp() throws IOException {
        // the first use of ImageIO loads its plug-ins; that should not count against the images under test
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        assertThat(Branding.reencode(png.toByteArray())).isNotEmpty();
    }

    @Test
    void aTinyPngThatDeclaresFortyThousandPixelsASideIsRefusedWithoutDecodingIt() {
        byte[] bomb = PngFiles.declaring(40_000, 40_000);
        assertThat(bomb.length).isLessThan(400);
        assertRefusedAsTooLargeWithoutDecoding(bomb);
    }

    @Test
    void aSmallPngWhosePixelDataInflatesToFiftyMegabytesIsRefusedWithoutDecodingIt() {
        byte[] bomb = PngFiles.blank(20_000, 20_000);
        assertThat(bomb.length).isLessThan(Branding.MAX_LOGO_BYTES);
        assertRefusedAsTooLargeWithoutDecoding(bomb);
    }

    private static void assertRefusedAsTooLargeWithoutDecoding(byte[] png) {
        long before = allocatedByThisThread();
        assertThatThrownBy(() -> Branding.reencode(png))
                .isInstanceOf(InvalidBrandingException.class)
                .hasMessage("admin.branding.logoTooLarge");
        assertThat(allocatedByThisThread() - before)
                .as("bytes allocated while refusing")
                .isLessThan(FEW_MEGABYTES);
    }

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
