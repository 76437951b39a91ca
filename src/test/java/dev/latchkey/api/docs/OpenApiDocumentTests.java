package dev.latchkey.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.test.ApiContract;
import dev.latchkey.test.Browser;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The API's OpenAPI document as the running application generates it (F-API-3), fetched like the explorer does, as a
 * signed-in system admin. The committed copy {@code docs/openapi.json} must equal it: change the API, then regenerate
 * the copy with {@link #REGENERATE} and commit it. A change that breaks what the committed copy promised (see
 * {@link OpenApiCompatibility}) fails here, and regenerating refuses it too unless {@code -D}{@link #BREAKING}
 * {@code =true} says it is meant. Every operation keeps {@link OpenApiRules} (examples, summary, tag, bearer security).
 * On H2 only: the document does not depend on the database.
 */
@IntegrationTest
class OpenApiDocumentTests {

    static final String WRITE = "latchkey.openapi.write";

    static final String BREAKING = "latchkey.openapi.breaking";

    static final String REGENERATE =
            "./mvnw -o test-compile surefire:test@default-test -Dtest=OpenApiDocumentTests -D" + WRITE + "=true";

    static final Path GENERATED = Path.of("target", "openapi.json");

    private static JsonNode generated;

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @BeforeEach
    void generate() throws IOException {
        if (generated == null) {
            Browser admin = SignInSteps.admin(port, testUsers.admin().email(), TestUsers.PASSWORD, 1);
            Browser.Page document = admin.get("/admin/api-docs");
            assertThat(document.status())
                    .as("GET /admin/api-docs as a system admin")
                    .isEqualTo(200);
            generated = OpenApiDocuments.parse(document.body());
            Files.createDirectories(GENERATED.getParent());
            Files.writeString(GENERATED, OpenApiDocuments.canonical(generated));
        }
    }

    @Test
    void theCommittedDocumentIsTheGeneratedOne() throws IOException {
        String current = OpenApiDocuments.canonical(generated);
        if (Boolean.getBoolean(WRITE)) {
            if (Files.exists(ApiContract.COMMITTED) && !Boolean.getBoolean(BREAKING)) {
                assertThat(breaks())
                        .as(
                                "not written: the API breaks what %s promises; if that is meant, add -D%s=true",
                                ApiContract.COMMITTED, BREAKING)
                        .isEmpty();
            }
            Files.writeString(ApiContract.COMMITTED, current);
            return;
        }
        assertThat(ApiContract.COMMITTED)
                .as("the committed document; write it with %s", REGENERATE)
                .exists();
        assertThat(current)
                .as(
                        "%s is out of date with the API (the generated one is %s); regenerate it with %s and commit it",
                        ApiContract.COMMITTED, GENERATED, REGENERATE)
                .isEqualTo(Files.readString(ApiContract.COMMITTED).replace("\r\n", "\n"));
    }

    @Test
    void theApiBreaksNothingTheCommittedDocumentPromises() {
        assertThat(breaks())
                .as(
                        "the API breaks what %s promises to clients; keep it, or (a new API version) regenerate with %s"
                                + " -D%s=true",
                        ApiContract.COMMITTED, REGENERATE, BREAKING)
                .isEmpty();
    }

    @Test
    void everyOperationHasExamplesASummaryATagAndTheBearerSecurity() {
        assertThat(OpenApiRules.problems(generated))
                .as("operations of the generated document")
                .isEmpty();
    }

    @Test
    void theDocumentIsOpenApi31OfTheApiOnly() {
        assertThat(generated.path("openapi").asString()).startsWith("3.1.");
        assertThat(generated.at("/info/title").asString()).isEqualTo("Latchkey API");
        assertThat(generated.at("/info/description").asString()).contains("Authorization: Bearer lk_");
        assertThat(generated.at("/servers/0/url").asString()).isEqualTo("/");
        assertThat(generated.path("paths").propertyNames()).allMatch(path -> path.startsWith("/api/v1/"));
    }

    private List<String> breaks() {
        if (!Files.exists(ApiContract.COMMITTED)) {
            return List.of();
        }
        return OpenApiCompatibility.breaks(OpenApiDocuments.read(ApiContract.COMMITTED), generated);
    }
}
