import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import io.kubernetes.client.openapi.JSON;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Checks rendered Kubernetes manifests (YAML on standard input, as `kubectl kustomize` prints them) without a
 * cluster, against the models of the official Kubernetes Java client, which are generated from the Kubernetes 1.32
 * OpenAPI document: a field the schema does not define, a required field left out or a value of the wrong type is an
 * error, as is an apiVersion and kind outside the list below. On top, three rules the API server enforces and the
 * schema does not express: every object has a name, every container has an image, and a Deployment's selector
 * matches its pod template's labels.
 *
 * <p>Out of scope: anything only a cluster knows (admission webhooks, quotas, whether the image exists, custom
 * resources). Exit status 0 when every document passes, 1 otherwise; each problem is one line on standard error.
 *
 * <p>Run with `java -cp CLASSPATH ManifestValidator.java < rendered.yaml`; ../validate.sh does it.
 */
public final class ManifestValidator {

    /** The apiVersions and kinds Latchkey's manifests may use; the model class is V{version}{Kind}. */
    private static final Map<String, Set<String>> KINDS = Map.of(
            "v1", Set.of("ConfigMap", "Secret", "Service", "ServiceAccount", "Namespace", "PersistentVolumeClaim"),
            "apps/v1", Set.of("Deployment", "StatefulSet"),
            "policy/v1", Set.of("PodDisruptionBudget"),
            "autoscaling/v2", Set.of("HorizontalPodAutoscaler"),
            "networking.k8s.io/v1", Set.of("Ingress", "NetworkPolicy"),
            "batch/v1", Set.of("Job", "CronJob"));

    private static final Gson PLAIN = new Gson();

    public static void main(String[] args) throws Exception {
        var yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        var problems = new ArrayList<String>();
        int documents = 0;
        for (Object document :
                yaml.loadAll(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            if (document == null) {
                continue;
            }
            documents++;
            if (!(document instanceof Map<?, ?> object)) {
                problems.add("document " + documents + ": not a Kubernetes object");
                continue;
            }
            problems.addAll(check(object));
        }
        if (documents == 0) {
            problems.add("no manifests on standard input");
        }
        problems.forEach(System.err::println);
        System.out.println(documents + " objects checked, " + problems.size() + " problems");
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    private static List<String> check(Map<?, ?> object) {
        String apiVersion = String.valueOf(object.get("apiVersion"));
        String kind = String.valueOf(object.get("kind"));
        String name = object.get("metadata") instanceof Map<?, ?> metadata ? (String) metadata.get("name") : null;
        String where = kind + "/" + name + " (" + apiVersion + ")";
        var problems = new ArrayList<String>();
        if (name == null || name.isBlank()) {
            problems.add(where + ": metadata.name is missing");
        }
        if (!KINDS.getOrDefault(apiVersion, Set.of()).contains(kind)) {
            problems.add(where + ": unknown apiVersion and kind; this check knows " + known());
            return problems;
        }
        JsonElement json = PLAIN.toJsonTree(object);
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        String model = "io.kubernetes.client.openapi.models.V" + version.substring(1) + kind;
        try {
            Class<?> type = Class.forName(model);
            type.getMethod("validateJsonElement", JsonElement.class).invoke(null, json);
            JSON.getGson().fromJson(json, type); // the value types: numbers, booleans, quantities, int-or-string
        } catch (InvocationTargetException e) {
            problems.add(where + ": " + shorten(e.getCause().getMessage()));
        } catch (JsonParseException | IllegalArgumentException | IllegalStateException e) {
            problems.add(where + ": " + shorten(e.getMessage()));
        } catch (ReflectiveOperationException e) {
            problems.add(where + ": no model " + model + " (" + e + ")");
        }
        problems.addAll(checkPodTemplate(where, object));
        return problems;
    }

    /** What the API server checks beyond the schema, for objects that hold a pod template. */
    private static List<String> checkPodTemplate(String where, Map<?, ?> object) {
        var problems = new ArrayList<String>();
        Object spec = object.get("spec");
        if (!(spec instanceof Map<?, ?> s) || !(s.get("template") instanceof Map<?, ?> template)) {
            return problems;
        }
        Map<?, ?> labels = Map.of();
        if (template.get("metadata") instanceof Map<?, ?> m && m.get("labels") instanceof Map<?, ?> l) {
            labels = l;
        }
        Map<?, ?> templateLabels = labels;
        if (s.get("selector") instanceof Map<?, ?> selector
                && selector.get("matchLabels") instanceof Map<?, ?> matchLabels) {
            matchLabels.forEach((key, value) -> {
                if (!value.equals(templateLabels.get(key))) {
                    problems.add(where + ": selector " + key + "=" + value + " misses the pod template's labels");
                }
            });
        }
        if (template.get("spec") instanceof Map<?, ?> podSpec) {
            for (String list : List.of("initContainers", "containers")) {
                if (podSpec.get(list) instanceof List<?> containers) {
                    for (Object c : containers) {
                        if (c instanceof Map<?, ?> container
                                && !(container.get("image") instanceof String image && !image.isBlank())) {
                            problems.add(where + ": " + list + " " + container.get("name") + " has no image");
                        }
                    }
                }
            }
        }
        return problems;
    }

    private static String known() {
        return KINDS.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(kind -> e.getKey() + " " + kind))
                .sorted()
                .collect(Collectors.joining(", "));
    }

    /** The generated messages end with the whole object as JSON; the sentence before it is what matters. */
    private static String shorten(String message) {
        if (message == null) {
            return "invalid";
        }
        for (String json : List.of(" JSON: ", " in the JSON string: ")) {
            int at = message.indexOf(json);
            if (at >= 0) {
                return message.substring(0, at);
            }
        }
        return message;
    }

    private ManifestValidator() {}
}
