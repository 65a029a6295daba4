#!/usr/bin/env bash
# Configures and builds one preset (default: dev) after installing what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-dev}"
bash scripts/deps.sh
jobs="$(nproc 2>/dev/null || echo 2)"
dir=build; [ "$preset" = dev ] || dir="build-$preset"
# Configured every time: a preset's settings (the ASan build now takes the window in) reach
# a build folder made before they changed.
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$jobs"
