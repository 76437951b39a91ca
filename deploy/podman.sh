# Sourced by deploy/image/build.sh and deploy/compose/stack.sh: podman as it works on these machines
# (runc, cgroupfs, host network, no default ulimits), and the cache of Debian root filesystems.

LATCHKEY_CACHE=${LATCHKEY_CACHE:-$HOME/.cache/latchkey}
mkdir -p "$LATCHKEY_CACHE/rootfs"

# podman's default containers.conf sets ulimits that a container-in-a-container cannot raise
if [ -z "${CONTAINERS_CONF:-}" ]; then
  export CONTAINERS_CONF="$LATCHKEY_CACHE/containers.conf"
  printf '[containers]\ndefault_ulimits = []\n' > "$CONTAINERS_CONF"
fi

pm() {
  podman --runtime runc --cgroup-manager=cgroupfs "$@"
}

# debian_image NAME PACKAGES...: a Debian bookworm image (minbase plus PACKAGES) imported as localhost/NAME:bookworm.
# The root filesystem comes from Debian's archive with mmdebstrap and is cached as a tarball, so the next build
# needs no network.
debian_image() {
  local name=$1; shift
  local tar="$LATCHKEY_CACHE/rootfs/$name-bookworm.tar"
  if [ ! -s "$tar" ]; then
    local include=""
    [ $# -gt 0 ] && include="--include=$(IFS=,; echo "$*")"
    echo "mmdebstrap: $name ($*)" >&2
    mmdebstrap --quiet --variant=minbase $include \
      --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
      --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-include=/usr/share/locale/locale.alias' \
      --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*' \
      bookworm "$tar.part.tar" http://deb.debian.org/debian
    mv "$tar.part.tar" "$tar"
  fi
  local id
  id=$(sha256sum "$tar" | cut -c1-16)
  if [ "$(pm image inspect --format '{{index .Labels "latchkey.rootfs"}}' "localhost/$name:bookworm" 2>/dev/null)" != "$id" ]; then
    pm import --quiet --change "LABEL latchkey.rootfs=$id" --change 'CMD ["/bin/bash"]' "$tar" "localhost/$name:bookworm" >/dev/null
  fi
}
