#!/usr/bin/env bash
# Builds the Latchkey container image localhost/latchkey:latest from target/latchkey-*.jar (run
# ./mvnw -DskipTests package first). Needs podman, runc and mmdebstrap; the Debian root filesystem is cached under
# ~/.cache/latchkey (LATCHKEY_CACHE). See docs/deploy.md.
#
#   deploy/image/build.sh            # with Java 25's AOT cache when Temurin 25 is there
#   deploy/image/build.sh --no-aot   # without it (to compare start times)
#   IMAGE=latchkey:test deploy/image/build.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
. deploy/podman.sh

image=${IMAGE:-localhost/latchkey:latest}
aot=1
[ "${1:-}" = --no-aot ] && aot=0
jdk=${LATCHKEY_IMAGE_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}

jar=$(ls target/latchkey-*.jar 2>/dev/null | grep -v '\.original$' | head -1 || true)
if [ -z "$jar" ]; then
  echo "No target/latchkey-*.jar: run ./mvnw -DskipTests package first" >&2
  exit 1
fi

# the same jar, runtime and option as the image already built: nothing to do
if [ -x "$jdk/bin/jlink" ]; then runtime="temurin-$("$jdk/bin/java" -version 2>&1 | head -1 | cut -d'"' -f2)"; else runtime=debian-openjdk-17; fi
stamp="$(sha256sum "$jar" deploy/image/Containerfile deploy/image/latchkey.sh deploy/image/train.sh deploy/image/build.sh | sha256sum | cut -c1-16)-$runtime-aot$aot"
if [ "${FORCE:-0}" != 1 ] && [ "$(pm image inspect --format '{{index .Labels "latchkey.build"}}' "$image" 2>/dev/null)" = "$stamp" ]; then
  echo "$image is up to date ($stamp)"
  exit 0
fi

stage=target/image
rm -rf "$stage" && mkdir -p "$stage/jre" "$stage/app"
if [ -x "$jdk/bin/jlink" ]; then
  base=latchkey-base
  debian_image "$base"
  # the modules the application uses (java.desktop for ZXing and ImageIO, jdk.management for the JIT directive,
  # jdk.localedata for Dutch; without jdk.jfr the DiagnosticCommand MBean lists no compiler commands), with the
  # default CDS archive of the runtime itself
  rmdir "$stage/jre"
  "$jdk/bin/jlink" --add-modules java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,\
java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,\
java.transaction.xa,java.xml,java.xml.crypto,jdk.charsets,jdk.crypto.ec,jdk.jfr,jdk.localedata,jdk.management,\
jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs \
    --include-locales=en,nl --strip-debug --no-man-pages --no-header-files --generate-cds-archive \
    --output "$stage/jre" >/dev/null
else
  echo "No Temurin 25 at $jdk: Debian's openjdk-17-jre-headless instead (no AOT cache)" >&2
  base=latchkey-base-jre17
  debian_image "$base" openjdk-17-jre-headless
fi

# the jar extracted (lib/ beside it): faster class loading, and the layout the AOT cache is made for
java -Djarmode=tools -jar "$jar" extract --destination "$stage/app.tmp" >/dev/null
mv "$stage/app.tmp/$(basename "$jar")" "$stage/app/latchkey.jar"
mv "$stage/app.tmp/lib" "$stage/app/lib"
rm -rf "$stage/app.tmp"
cp deploy/image/latchkey.sh deploy/image/train.sh "$stage/"

pm build --network host --quiet --file deploy/image/Containerfile --build-arg BASE="localhost/$base:bookworm" \
  --build-arg AOT="$aot" --build-arg TRAINING_PORT="$(shuf -i 20000-60000 -n 1)" --label latchkey.build="$stamp" --tag "$image" "$stage" >/dev/null
# the version tag the Kubernetes base refers to (latchkey:0.1.0-SNAPSHOT)
version=$(basename "$jar" .jar | sed 's/^latchkey-//')
[ "$image" = localhost/latchkey:latest ] && pm tag "$image" "localhost/latchkey:$version"
echo "built $image ($stamp)"
