#!/usr/bin/env bash
# Checks the Kubernetes manifests offline, without a cluster (see README.md, Validation):
#  1. `kubectl kustomize` renders base/ and every overlay (a broken kustomization or a missing file fails here);
#  2. validation/ManifestValidator.java checks every rendered object against the Kubernetes 1.32 API models of the
#     official Kubernetes Java client (unknown or misspelled fields, missing required fields, wrong value types,
#     unknown apiVersion/kind, containers without an image, selectors that miss the pod labels);
#  3. a self-test: three broken copies of the production render must each be refused, so the check cannot pass by
#     checking nothing.
# Exits non-zero on any problem. Needs kubectl (for kustomize only), a JDK 17+ and Maven Central (through ../../mvnw).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
command -v kubectl >/dev/null || { echo "validate.sh: kubectl not found; it renders the Kustomize trees" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Render from a copy in which every secrets.env (git-ignored, the real secrets) is the committed example.
cp -r "$here/base" "$here/overlays" "$work/"
find "$work/overlays" -name secrets.env.example | while read -r example; do
  cp "$example" "$(dirname "$example")/secrets.env"
done

"$repo/mvnw" -q -B -f "$here/validation/pom.xml" dependency:build-classpath -Dmdep.outputFile="$work/classpath"
classpath="$(cat "$work/classpath")"
mkdir "$work/classes"
javac -d "$work/classes" -cp "$classpath" "$here/validation/ManifestValidator.java"
validate() { java -cp "$work/classes:$classpath" ManifestValidator; }

failed=0
for tree in "$work/base" "$work"/overlays/*/; do
  tree="${tree%/}"
  name="${tree#"$work"/}"
  echo "== $name"
  if ! kubectl kustomize "$tree" > "$work/$(basename "$tree").yaml"; then
    echo "kubectl kustomize failed for $name" >&2
    failed=1
    continue
  fi
  validate < "$work/$(basename "$tree").yaml" || failed=1
done

echo "== self-test: broken manifests must be refused"
production="$work/production.yaml"
[ -s "$production" ] || { echo "self-test: no rendered production overlay" >&2; exit 1; }
breakages=(
  's/readOnlyRootFilesystem:/readOnlyRootFilesytem:/'        # a misspelled field
  '/^ *image: .*latchkey/d'                                   # a container without an image
  's#^apiVersion: policy/v1$#apiVersion: policy/v1beta2#'     # an apiVersion Kubernetes no longer serves
)
for breakage in "${breakages[@]}"; do
  sed "$breakage" "$production" > "$work/broken.yaml"
  if cmp -s "$production" "$work/broken.yaml"; then
    echo "self-test: '$breakage' changed nothing; update the self-test" >&2
    failed=1
  elif validate < "$work/broken.yaml" > /dev/null 2> "$work/broken.err"; then
    echo "self-test: '$breakage' was accepted" >&2
    failed=1
  else
    echo "refused as it should be: $(head -1 "$work/broken.err")"
  fi
done

if [ "$failed" -ne 0 ]; then
  echo "Kubernetes manifests: FAILED" >&2
  exit 1
fi
echo "Kubernetes manifests: valid"
