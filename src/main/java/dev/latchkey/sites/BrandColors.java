package dev.latchkey.sites;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A site's brand colour and the colours derived from it so that text stays readable (WCAG 2.x contrast ≥ 4.5:1 whatever
 * colour an admin picks): the text on brand-coloured buttons, and a darker shade for links on white.
 */
public final class BrandColors {

    /** Latchkey's own blue, for sites without a colour of their own. */
    public static final String DEFAULT = "#2f5bea";

    static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final double READABLE = 4.5;

    private BrandColors() {}

    public static boolean valid(String color) {
        return color != null && HEX.matcher(color).matches();
    }

    /** White or black, whichever reads better on the colour (one of them always reaches 4.5:1). */
    public static String textOn(String color) {
        return contrast(color, "#ffffff") >= contrast(color, "#000000") ? "#ffffff" : "#000000";
    }

    /** The colour itself when it reads well on white, else the same hue darkened until it does. */
    public static String inkOnWhite(String color) {
        int[] rgb = rgb(color);
        String ink = hex(rgb);
        while (contrast(ink, "#ffffff") < READABLE) {
            for (int i = 0; i < 3; i++) {
                rgb[i] = (int) Math.floor(rgb[i] * 0.9);
            }
            ink = hex(rgb);
        }
        return ink;
    }

    /** WCAG 2.x contrast ratio of two {@code #rrggbb} colours. */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String color) {
        int[] rgb = rgb(color);
        double[] linear = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = rgb[i] / 255.0;
            linear[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
    }

    private static int[] rgb(String color) {
        int value = Integer.parseInt(color.substring(1), 16);
        return new int[] {(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff};
    }

    private static String hex(int[] rgb) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
    }
}
