#!/bin/sh
# Starts Latchkey with the README's JVM flags. /data is the only writable path: temporary files (Tomcat's work
# directory) go to /data/tmp. The AOT cache is used when the image has one (Temurin 25 runtime).
set -eu
mkdir -p /data/tmp
aot=""
[ -f /opt/latchkey/app/latchkey.aot ] && [ "${LATCHKEY_AOT:-on}" != off ] && aot="-XX:AOTCache=/opt/latchkey/app/latchkey.aot"
# shellcheck disable=SC2086
exec /opt/latchkey/jre/bin/java -XX:+UseSerialGC -Xss512k -XX:MaxRAM=1g -XX:-UsePerfData $aot \
  -Djava.io.tmpdir=/data/tmp ${JAVA_OPTS:-} -jar /opt/latchkey/app/latchkey.jar "$@"
