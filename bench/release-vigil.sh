#!/usr/bin/env bash
# Prints the path of the `vigil` users run: the ReadyToRun single-file release build for this machine
# (./release.sh), rebuilt first when any source is newer than it. The CLI benchmarks measure this binary.
set -euo pipefail
cd "$(dirname "$0")/.."
rid="linux-$(uname -m | sed 's/x86_64/x64/;s/aarch64/arm64/')"
bin="dist/$rid/vigil"
if [ ! -x "$bin" ] || [ -n "$(find src Directory.Build.props Directory.Packages.props release.sh -newer "$bin" -type f -not -path '*/obj/*' -not -path '*/bin/*' \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.sh' -o -path '*wwwroot*' \) 2>/dev/null | head -1)" ]; then
  ./release.sh "$rid" >&2
fi
echo "$PWD/$bin"
