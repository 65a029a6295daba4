#!/usr/bin/env bash
# Installs the Debian packages Attune needs to build, test and run.
# As root it runs apt-get; otherwise it prints the one command to run.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config
  libyaml-cpp-dev libfmt-dev libcli11-dev doctest-dev libboost-dev
  libsfml-dev libsqlite3-dev libfontconfig-dev libx11-dev nlohmann-json3-dev libsodium-dev libgraphviz-dev
  fonts-dejavu-core
  xvfb xauth libgl1-mesa-dri
  python3 python3-yaml python3-jsonschema
  clang clang-format libclang-rt-14-dev
  sqlite3
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "attune: installing missing packages: ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
elif command -v sudo >/dev/null 2>&1; then
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "attune: please install them first, as root:" >&2
  echo "  apt-get install ${missing[*]}" >&2
  exit 1
fi
