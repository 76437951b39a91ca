package dev.latchkey.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.sites.Sites;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.UserView;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The keyset slices of the API walk the same users as the admin's numbered pages, with the same filters. */
@IntegrationTest
class UserDirectoryIntegrationTests {

    @Autowired
    UserDirectory directory;

    @Autowired
    TestUsers testUsers;

    @Autowired
    Sites sites;

    @Test
    void slicesListTheSameUsersAsPagesWithoutDuplicatesOrGaps() {
        for (int i = 0; i < 7; i++) {
            testUsers.portalUser("globex");
        }
        long globex = sites.findBySlug("globex").orElseThrow().id();
        DirectoryQuery query = new DirectoryQuery(globex, null, false, null, null);
        List<Long> paged = new ArrayList<>();
        for (int page = 0; ; page++) {
            DirectoryPage result = directory.page(query, page);
            result.rows().forEach(r -> paged.add(r.id()));
            if (!result.hasNext()) {
                break;
            }
        }
        List<Long> sliced = new ArrayList<>();
        long after = 0;
        while (true) {
            DirectorySlice slice = directory.after(query, after, 3);
            assertThat(slice.rows()).hasSizeLessThanOrEqualTo(3);
            slice.rows().forEach(r -> sliced.add(r.id()));
            if (slice.lastId() == null) {
                break;
            }
            after = slice.lastId();
        }
        assertThat(sliced).doesNotHaveDuplicates().isEqualTo(paged).isSorted();
        assertThat(sliced).hasSizeGreaterThanOrEqualTo(7);
    }

    @Test
    void aPortalUserIsFoundAndAnAdminIsNot() {
        UserView user = testUsers.portalUser("globex");
        UserView admin = testUsers.admin();
        DirectoryRow row = directory.portalUser(user.id()).orElseThrow();
        assertThat(row.email()).isEqualTo(user.email());
        assertThat(row.siteSlug()).isEqualTo("globex");
        assertThat(directory.portalUser(admin.id())).isEmpty();
        assertThat(directory.portalUser(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void anUnknownStrongestFactorOrLimitIsRefused() {
        assertThatThrownBy(() -> new DirectoryQuery(null, null, null, "carrier-pigeon", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> directory.after(DirectoryQuery.ALL, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> directory.after(DirectoryQuery.ALL, 0, UserDirectory.MAX_SLICE + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
