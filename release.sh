#!/usr/bin/env bash
# Release builds of the one `vigil` binary (serve, forward and every other verb): self-contained, single file, no .NET
# needed on the target. Usage:
#   ./release.sh                       # win-x64, linux-x64, linux-arm64 → dist/<rid>/vigil[.exe]
#   ./release.sh linux-x64 win-x64     # only these runtime identifiers
# Each binary runs `vigil --version` after the build when this machine can execute it (linux-x64 here).
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

rids=("$@")
if [ ${#rids[@]} -eq 0 ]; then
  rids=(win-x64 linux-x64 linux-arm64)
fi

for rid in "${rids[@]}"; do
  out="dist/$rid"
  rm -rf "$out"
  # Single file with the native SQLite library inside; PackAsTool is the `dotnet tool` form, not this one.
  # ReadyToRun: Vigil's own code ships compiled, so a short verb (an EVTX dump, a detect run) does not spend most of its
  # CPU in the JIT; hot methods are still recompiled by tiered compilation in long-running serve/forward/watch.
  dotnet publish src/Vigil.Cli -c Release -r "$rid" --self-contained true \
    -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true -p:PackAsTool=false -p:PublishReadyToRun=true \
    -p:DebugType=none -p:GenerateDocumentationFile=false -warnaserror -o "$out"
  # The example config travels beside the binary; nothing else is needed to run it.
  find "$out" -maxdepth 1 -type f ! -name 'vigil' ! -name 'vigil.exe' -delete
  mkdir -p "$out/config" && cp config/config.ini "$out/config/config.ini.example"
  bin="$out/vigil"; [ "${rid%%-*}" = win ] && bin="$out/vigil.exe"
  [ -f "$bin" ] || { echo "release: $bin was not produced" >&2; exit 1; }
  if [ "$rid" = "linux-$(uname -m | sed 's/x86_64/x64/;s/aarch64/arm64/')" ]; then
    "$bin" --version
  fi
  echo "release: $bin ($(du -h "$bin" | cut -f1))"
done
