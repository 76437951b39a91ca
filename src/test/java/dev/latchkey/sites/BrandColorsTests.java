package dev.latchkey.sites;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Whatever colour an admin picks, text on it and links in it stay readable (WCAG 2.x, 4.5:1). */
class BrandColorsTests {

    @Test
    void textOnAnyBrandColourAndLinksInItReachFourPointFiveToOne() {
        for (int r = 0; r < 256; r += 15) {
            for (int g = 0; g < 256; g += 15) {
                for (int b = 0; b < 256; b += 15) {
                    String color = String.format("#%02x%02x%02x", r, g, b);
                    assertThat(BrandColors.contrast(color, BrandColors.textOn(color)))
                            .as("text on %s", color)
                            .isGreaterThanOrEqualTo(4.5);
                    assertThat(BrandColors.contrast(BrandColors.inkOnWhite(color), "#ffffff"))
                            .as("ink of %s", color)
                            .isGreaterThanOrEqualTo(4.5);
                }
            }
        }
    }

    @Test
    void lightColoursGetDarkTextAndDarkColoursWhiteText() {
        assertThat(BrandColors.textOn("#ffeb3b")).isEqualTo("#000000");
        assertThat(BrandColors.textOn("#2f5bea")).isEqualTo("#ffffff");
        assertThat(BrandColors.inkOnWhite("#1f3fb0")).isEqualTo("#1f3fb0");
        assertThat(BrandColors.inkOnWhite("#ffeb3b")).isNotEqualTo("#ffeb3b");
    }

    @Test
    void onlySixDigitHexIsAColour() {
        assertThat(BrandColors.valid("#0F766e")).isTrue();
        assertThat(BrandColors.valid("red")).isFalse();
        assertThat(BrandColors.valid("#fff")).isFalse();
        assertThat(BrandColors.valid("#0f766e;}body{display:none")).isFalse();
        assertThat(BrandColors.valid(null)).isFalse();
    }
}
