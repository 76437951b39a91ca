package dev.latchkey.sites;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What makes a site look like its organisation: a brand colour and a logo. An uploaded logo is decoded and written
 * again as a PNG by Latchkey itself, so whatever bytes were uploaded (a script, a polyglot, metadata) never reach a
 * browser; SVG is not accepted at all.
 */
@Service
public class Branding {

    /** Upload limit, in bytes; the re-encoded PNG of a logo this size or smaller is what is stored. */
    public static final int MAX_LOGO_BYTES = 256 * 1024;
    /** Largest accepted width or height, in pixels. */
    public static final int MAX_LOGO_SIDE = 1024;

    private final SiteRepository repository;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Branding(SiteRepository repository, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** The stylesheet that gives a site its colours; Latchkey's own for an unknown site or one without a colour. */
    public String css(String slug) {
        String color = repository
                .findBySlug(slug)
                .map(Site::brandColor)
                .filter(BrandColors::valid)
                .orElse(BrandColors.DEFAULT)
                .toLowerCase(java.util.Locale.ROOT);
        return ":root {\n  --brand: " + color + ";\n  --on-brand: " + BrandColors.textOn(color) + ";\n  --brand-dark: "
                + BrandColors.inkOnWhite(color) + ";\n}\n";
    }

    /** The site's logo as a PNG, if it has one. */
    public Optional<byte[]> logo(String slug) {
        return jdbc.sql("select l.png from site_logo l join site s on s.id = l.site_id where s.slug = :slug")
                .param("slug", slug)
                .query(byte[].class)
                .optional();
    }

    public boolean hasLogo(long siteId) {
        return jdbc.sql("select count(*) from site_logo where site_id = :id")
                        .param("id", siteId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Sets the brand colour ({@code null}: Latchkey's own). */
    @Transactional
    public void setColor(long siteId, String color, String actor) {
        if (color != null && !BrandColors.valid(color)) {
            throw new InvalidBrandingException("admin.branding.badColor");
        }
        String normalised = color == null ? null : color.toLowerCase(java.util.Locale.ROOT);
        Site site = repository.findById(siteId).orElseThrow();
        repository.updateBrandColor(siteId, normalised);
        events.publishEvent(
                new BrandingChanged(site.slug(), "colour " + (color == null ? "default" : normalised), actor));
    }

    /** Replaces the logo with the uploaded image (PNG or JPEG), re-encoded as PNG. */
    @Transactional
    public void setLogo(long siteId, byte[] upload, String actor) {
        byte[] png = reencode(upload);
        Site site = repository.findById(siteId).orElseThrow();
        jdbc.sql("delete from site_logo where site_id = :id")
                .param("id", siteId)
                .update();
        jdbc.sql("insert into site_logo (site_id, png, updated_at) values (:id, :png, :at)")
                .param("id", siteId)
                .param("png", png)
                .param("at", Timestamp.from(clock.instant()))
                .update();
        events.publishEvent(new BrandingChanged(site.slug(), "logo replaced", actor));
    }

    @Transactional
    public void removeLogo(long siteId, String actor) {
        Site site = repository.findById(siteId).orElseThrow();
        if (jdbc.sql("delete from site_logo where site_id = :id")
                        .param("id", siteId)
                        .update()
                > 0) {
            events.publishEvent(new BrandingChanged(site.slug(), "logo removed", actor));
        }
    }

    static byte[] reencode(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw new InvalidBrandingException("admin.branding.noLogo");
        }
        if (upload.length > MAX_LOGO_BYTES) {
            throw new InvalidBrandingException("admin.branding.logoTooBig");
        }
        if (!isPng(upload) && !isJpeg(upload)) {
            throw new InvalidBrandingException("admin.branding.logoType");
        }
        BufferedImage image = decode(upload, isPng(upload) ? "png" : "jpeg");
        BufferedImage clean = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        clean.getGraphics().drawImage(image, 0, 0, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(clean, "png", out);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    /**
     * Decodes an image of at most {@link #MAX_LOGO_SIDE} pixels a side. The size is read from the header first: a file
     * of a few hundred bytes can declare 40000 × 40000 pixels, and decoding it would take gigabytes of memory and
     * seconds of CPU before any check on the decoded image could refuse it.
     */
    private static BufferedImage decode(byte[] upload, String format) {
        ImageReader reader = ImageIO.getImageReadersByFormatName(format).next();
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(upload))) {
            reader.setInput(input, true, true);
            int width;
            int height;
            try {
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            } catch (IOException | RuntimeException ex) {
                throw new InvalidBrandingException("admin.branding.logoType");
            }
            if (width > MAX_LOGO_SIDE || height > MAX_LOGO_SIDE) {
                throw new InvalidBrandingException("admin.branding.logoTooLarge");
            }
            try {
                return reader.read(0);
            } catch (IOException | RuntimeException ex) {
                throw new InvalidBrandingException("admin.branding.logoType");
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex); // closing a stream over a byte array
        } finally {
            reader.dispose();
        }
    }

    private static boolean isPng(byte[] b) {
        return b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    private static boolean isJpeg(byte[] b) {
        return b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
    }
}
