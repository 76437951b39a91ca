package dev.latchkey.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.MutableClock;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.UserView;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * ASVS V6.3 / F-LOGIN-1: the password step is throttled per account and per IP with growing delays, in the database (so
 * across sessions, nodes and restarts), and a throttled answer never tells whether the password was right.
 */
@IntegrationTest
@TestPropertySource(properties = "latchkey.signin.address-free-failures=12")
class PasswordThrottleIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    dev.latchkey.sites.Sites sites;

    @Autowired
    dev.latchkey.sites.MfaPolicy policy;

    @BeforeEach
    @AfterEach
    void clean() {
        clock.reset();
        jdbc.sql("delete from login_throttle").update();
    }

    @Test
    void afterFiveWrongPasswordsTheAccountWaitsAndTheAnswerHidesWhetherTheSixthPasswordWasRight() {
        UserView user = testUsers.portalUser("globex");
        for (int i = 0; i < 5; i++) {
            assertThat(SignInSteps.password(new Browser(port), "globex", user.email(), "wrong " + i)
                            .status())
                    .isEqualTo(401);
        }
        Page right = SignInSteps.password(new Browser(port), "globex", user.email(), TestUsers.PASSWORD);
        Page wrong = SignInSteps.password(new Browser(port), "globex", user.email(), "wrong again");
        assertThat(right.status()).isEqualTo(wrong.status()).isEqualTo(429);
        assertThat(right.alerts()).isEqualTo(wrong.alerts()).contains("Too many sign-in attempts");

        clock.advance(Duration.ofSeconds(2));
        assertThat(SignInSteps.password(new Browser(port), "globex", user.email(), TestUsers.PASSWORD)
                        .location())
                .as("the wait is over; no lock-out")
                .isEqualTo("/sites/globex/");
        assertThat(SignInSteps.password(new Browser(port), "globex", user.email(), "wrong")
                        .status())
                .as("a correct password cleared the count")
                .isEqualTo(401);
    }

    @Test
    void unknownAccountsAreThrottledExactlyLikeRealOnes() {
        String ghost = "nobody-" + System.nanoTime() + "@globex.test";
        for (int i = 0; i < 5; i++) {
            SignInSteps.password(new Browser(port), "globex", ghost, "guess " + i);
        }
        Page throttled = SignInSteps.password(new Browser(port), "globex", ghost, "guess 5");
        assertThat(throttled.status()).isEqualTo(429);
    }

    @Test
    void delaysGrowWithEachFurtherFailure() {
        UserView user = testUsers.portalUser("globex");
        for (int i = 0; i < 5; i++) {
            SignInSteps.password(new Browser(port), "globex", user.email(), "wrong " + i);
        }
        for (int extra = 0; extra < 4; extra++) {
            clock.advance(Duration.ofSeconds(1L << extra).plusMillis(10));
            assertThat(SignInSteps.password(new Browser(port), "globex", user.email(), "wrong")
                            .status())
                    .as("after waiting %d s", 1L << extra)
                    .isEqualTo(401);
        }
        clock.advance(Duration.ofSeconds(8));
        assertThat(SignInSteps.password(new Browser(port), "globex", user.email(), TestUsers.PASSWORD)
                        .status())
                .as("16 s are due after 9 failures, 8 s is not enough")
                .isEqualTo(429);
    }

    @Test
    void oneAddressTryingManyAccountsIsThrottledToo() {
        for (int i = 0; i < 12; i++) {
            assertThat(SignInSteps.password(new Browser(port), "globex", "spray-" + i + "@globex.test", "Summer2026!")
                            .status())
                    .isEqualTo(401);
        }
        UserView innocent = testUsers.portalUser("globex");
        assertThat(SignInSteps.password(new Browser(port), "globex", innocent.email(), TestUsers.PASSWORD)
                        .status())
                .as("the 13th attempt from the same address waits")
                .isEqualTo(429);
    }

    @Test
    void passkeysOfNobodyHereCountAgainstTheAddressLikeWrongPasswords() {
        var acme = sites.findBySlug("acme").orElseThrow();
        var factors = new java.util.HashSet<>(acme.allowedFactors());
        factors.add("passkey");
        policy.updateSite(acme.id(), acme.mfaMode(), factors, acme.codeTtl(), "test");
        // a key no user of acme registered: "Sign in with a passkey" cannot tell whose failure it is, so it counts
        // against the network it came from: five are free, like wrong passwords for one username, then it waits
        for (int i = 0; i < 5; i++) {
            var stranger = new dev.latchkey.mfa.passkey.SoftwareAuthenticator("http://localhost:" + port);
            assertThat(dev.latchkey.mfa.passkey.PasskeySteps.passwordless(new Browser(port), "acme", stranger)
                            .status())
                    .isEqualTo(401);
        }
        var sixth = new dev.latchkey.mfa.passkey.SoftwareAuthenticator("http://localhost:" + port);
        Page refused = dev.latchkey.mfa.passkey.PasskeySteps.passwordless(new Browser(port), "acme", sixth);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isPresent();
        assertThat(jdbc.sql("select failures from login_throttle where throttle_key = ?")
                        .param(LoginThrottle.addressKey("127.0.0.1"))
                        .query(Integer.class)
                        .single())
                .as("each also spent one of the address's password attempts")
                .isEqualTo(5);
        UserView innocent = testUsers.portalUser("globex");
        assertThat(SignInSteps.password(new Browser(port), "globex", innocent.email(), TestUsers.PASSWORD)
                        .location())
                .as("a right password from the same address still signs in")
                .isEqualTo("/sites/globex/");
    }

    @Test
    void theCountsAreInTheDatabaseSoEveryNodeAndARestartSeeThem() {
        UserView user = testUsers.portalUser("globex");
        for (int i = 0; i < 5; i++) {
            SignInSteps.password(new Browser(port), "globex", user.email(), "wrong " + i);
        }
        Integer stored = jdbc.sql("select failures from login_throttle where throttle_key = ?")
                .param(LoginThrottle.accountKey("globex", user.email()))
                .query(Integer.class)
                .single();
        assertThat(stored).isEqualTo(5);
    }

    /** A client in its delay is refused before any row is made for the usernames it tries. */
    @Test
    void aThrottledAddressCannotFillTheTableWithNewUsernames() {
        for (int i = 0; i < 12; i++) {
            SignInSteps.password(new Browser(port), "globex", "spray-" + i + "@globex.test", "Summer2026!");
        }
        long rows = jdbc.sql("select count(*) from login_throttle")
                .query(Long.class)
                .single();
        // the 12th failure starts a 1 s delay; a loaded machine may take longer than that for the ten requests
        // below, so the clock goes back a minute to keep the whole check inside the delay
        clock.advance(java.time.Duration.ofMinutes(-1));
        for (int i = 0; i < 10; i++) {
            assertThat(SignInSteps.password(new Browser(port), "globex", "fresh-" + i + "@globex.test", "x")
                            .status())
                    .isEqualTo(429);
        }
        assertThat(jdbc.sql("select count(*) from login_throttle")
                        .query(Long.class)
                        .single())
                .isEqualTo(rows);
    }

    /**
     * Case folding can make a username longer than the key column ("İ" becomes two characters); such a name is kept as
     * its hash, so it gets an ordinary 401, not a 500 with the typed text in the log.
     */
    @Test
    void aUsernameThatGrowsWhenCaseFoldedIsAnOrdinaryWrongPassword() {
        String grows = "\u0130".repeat(300) + "@globex.test";
        assertThat(SignInSteps.password(new Browser(port), "globex", grows, "whatever")
                        .status())
                .isEqualTo(401);
        assertThat(LoginThrottle.accountKey("globex", grows))
                .hasSizeLessThan(120)
                .startsWith("account:globex|sha256:");
    }

    /** One IPv6 host rotating through its /64 gets no fresh allowance per address. */
    @Test
    void anIpv6AddressCountsByItsSlash64() {
        assertThat(LoginThrottle.addressKey("2001:db8:1:2::1"))
                .isEqualTo(LoginThrottle.addressKey("2001:db8:1:2:ffff:eeee:dddd:cccc"))
                .isNotEqualTo(LoginThrottle.addressKey("2001:db8:1:3::1"));
        assertThat(LoginThrottle.addressKey("192.0.2.7")).isEqualTo("ip:192.0.2.7");
    }
}
