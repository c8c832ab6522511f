#!/usr/bin/env bash
# Installs everything Vigil's tests drive (reference tools, real servers, a browser) on Debian, then runs every test.
# Needs root (or sudo) for apt-get; `.ci/run` calls this script too, so what passes here passes in CI.
set -euo pipefail
cd "$(dirname "$0")"
export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

# The tests read the shared samples (EVTX, loghub) from shared/data beside the repository or a folder above it.
if [ -z "${VIGIL_SHARED_DATA:-}" ]; then
  found=""
  for dir in "$(dirname "$PWD")" "$(dirname "$(dirname "$PWD")")" "$(dirname "$(dirname "$(dirname "$PWD")")")"; do
    if [ -d "$dir/shared/data" ]; then found=yes; break; fi
  done
  if [ -z "$found" ]; then
    echo "test.sh: no shared/data beside $PWD or above it; clone the repository next to shared/, or set VIGIL_SHARED_DATA=/path/to/shared/data" >&2
    exit 2
  fi
fi

# scikit-learn (forest parity), python-evtx and libevtx (EVTX oracles), aiosmtpd (a real SMTP server),
# systemd-journal-remote (builds real journals), Chromium (the dashboard), sqlite3, PostgreSQL and rsyslog (fleet).
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
  python3 python3-sklearn python3-evtx libevtx-utils python3-aiosmtpd \
  systemd-journal-remote chromium sqlite3 postgresql rsyslog >/dev/null

dotnet restore Vigil.sln
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Vigil.sln --no-restore "$@" 2>&1 | tee "$log" || status=$?

# One closing line over every test project (dotnet test prints one summary per project).
awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
