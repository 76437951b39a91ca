package dev.latchkey.demo;

import dev.latchkey.accounts.AccountKind;
import dev.latchkey.accounts.AccountView;
import dev.latchkey.accounts.AccountView.ContractView;
import dev.latchkey.accounts.Accounts;
import dev.latchkey.sites.Branding;
import dev.latchkey.sites.MfaMode;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.SiteDraft;
import dev.latchkey.sites.SiteView;
import dev.latchkey.sites.Sites;
import dev.latchkey.users.AdminRole;
import dev.latchkey.users.NewUser;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo data (docs/features.md): the admin, Acme Leasing (MFA required) with Alice and Bob, Globex Field Service
 * (MFA optional) with Carol, accounts with contracts, and contact persons who are not yet portal users. Loaded once; a
 * database that already has the {@code acme} site is left alone.
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "latchkey.demo", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "demo-password";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Sites sites;
    private final Users users;
    private final Accounts accounts;
    private final Branding branding;

    DemoData(Sites sites, Users users, Accounts accounts, Branding branding) {
        this.sites = sites;
        this.users = users;
        this.accounts = accounts;
        this.branding = branding;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (sites.findBySlug("acme").isPresent()) {
            return;
        }
        if (users.findByEmail(Realm.ADMIN, "admin@latchkey.test").isEmpty()) {
            users.create(
                    Realm.ADMIN,
                    new NewUser("admin@latchkey.test", "Ada Admin", PASSWORD, true, null, false, AdminRole.SYSTEM));
        }

        SiteView acme = sites.create(new SiteDraft(
                "acme", "Acme Leasing", "NL", MfaMode.REQUIRED, Set.of("passkey", "email", "sms", "totp", "backup")));
        SiteView globex = sites.create(new SiteDraft(
                "globex", "Globex Field Service", "US", MfaMode.OPTIONAL, Set.of("email", "totp", "backup")));
        branding.setColor(acme.id(), "#0f766e", "demo");
        branding.setLogo(acme.id(), acmeLogo(), "demo");
        branding.setColor(globex.id(), "#6d28d9", "demo");

        UserView alice = portalUser(acme, "alice@acme.test", "Alice Jansen", "+31201234567");
        UserView bob = portalUser(acme, "bob@acme.test", "Bob de Vries", null);
        UserView carol = portalUser(globex, "carol@globex.test", "Carol Miller", null);

        AccountView jansen = accounts.create(
                "C-10042",
                "Jansen Logistics B.V.",
                AccountKind.CUSTOMER,
                List.of(
                        new ContractView("LC-2024-0815", "Operational lease", "Active"),
                        new ContractView("LC-2025-0102", "Financial lease", "Active"),
                        new ContractView("LC-2019-0311", "Operational lease", "Ended")));
        AccountView guarantor = accounts.create(
                "G-20007",
                "Jansen Holding B.V.",
                AccountKind.GUARANTOR,
                List.of(new ContractView("GC-2024-0816", "Guarantee", "Active")));
        AccountView devries = accounts.create(
                "C-10077",
                "De Vries Bouw",
                AccountKind.CUSTOMER,
                List.of(new ContractView("LC-2023-0457", "Hire purchase", "Active")));
        AccountView miller = accounts.create(
                "C-30001",
                "Miller Field Services Inc.",
                AccountKind.CUSTOMER,
                List.of(
                        new ContractView("SC-2025-0009", "Service contract", "Active"),
                        new ContractView("SC-2024-0120", "Service contract", "Pending")));

        accounts.link(alice.id(), jansen.id());
        accounts.link(alice.id(), guarantor.id());
        accounts.link(bob.id(), devries.id());
        accounts.link(carol.id(), miller.id());

        accounts.addContact(jansen.id(), "Daan Jansen", "daan@jansen-logistics.test", "020 765 4321");
        accounts.addContact(jansen.id(), "Eva Visser", "eva@jansen-logistics.test", "call reception, ask for Eva");
        accounts.addContact(miller.id(), "Frank Miller", "frank@miller-fs.test", "(415) 555-0134");
        log.info("Loaded demo data: sites acme and globex, demo logins as listed in the README");
    }

    private UserView portalUser(SiteView site, String email, String name, String phone) {
        return users.create(site.realm(), new NewUser(email, name, PASSWORD, true, phone, false, null));
    }

    /** A made-up logo for Acme, drawn here (shapes only: no fonts, no image file in the repository). */
    static byte[] acmeLogo() {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x0f, 0x76, 0x6e));
        g.fillRoundRect(0, 0, 64, 64, 18, 18);
        g.setColor(Color.WHITE);
        g.fillPolygon(new int[] {32, 52, 42, 32, 22, 12}, new int[] {12, 52, 52, 32, 52, 52}, 6);
        g.setColor(new Color(0xfb, 0xbf, 0x24));
        g.fillOval(27, 38, 10, 10);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return png.toByteArray();
    }
}
