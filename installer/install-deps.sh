#!/usr/bin/env bash
# Installs the Debian bookworm packages the project needs to build, test and run.
# Idempotent: packages already present are skipped. Runs as root, or through sudo.
set -euo pipefail

packages=(
    # toolchain
    cmake ninja-build g++ ccache pkg-config clang libclang-rt-14-dev
    # Qt 6.4 and friends
    qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev qt6-networkauth-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    libqt6sql6-sqlite libqt6svg6 qt6-svg-dev libgl-dev
    qtkeychain-qt6-dev
    # crypto and storage
    libssl-dev openssl libsqlite3-dev sqlite3
    # tests and screenshots: CJK fonts for zh_TW, a virtual display, packaging validators
    fonts-noto-cjk xvfb xauth desktop-file-utils appstream
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages present"
    exit 0
fi

sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
echo "install-deps: installing ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}"
