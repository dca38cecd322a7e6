#!/usr/bin/env bash
# Builds the solution and runs every test project (unit, integration, end-to-end in headless chromium).
# Prints "N passed, N failed" from the TRX results; exits non-zero when anything fails.
set -euo pipefail
cd "$(dirname "$0")"

if [[ ! -x /usr/bin/chromium ]] || ! fc-list | grep -qi "Noto Sans CJK"; then
  echo "Installing chromium and the CJK fonts..."
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]] && command -v sudo >/dev/null; then
    sudo_cmd=(sudo)
  fi
  "${sudo_cmd[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y chromium fonts-noto-cjk
fi

dotnet tool restore
dotnet build AfterSales.Saas.sln -c Release

results="$(pwd)/TestResults"
rm -rf "$results"
status=0
dotnet test AfterSales.Saas.sln -c Release --no-build \
  --results-directory "$results" \
  --logger trx \
  --logger "console;verbosity=normal" || status=$?

python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
files = glob.glob(f"{sys.argv[1]}/**/*.trx", recursive=True)
for path in files:
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped += int(counters.get("notExecuted", 0))
# The console log is long and CI keeps only its tail, so the failures are repeated here, last.
for path in files:
    for result in ET.parse(path).getroot().iterfind(".//t:UnitTestResult", ns):
        if result.get("outcome") in ("Failed", "Error", "Timeout", "Aborted"):
            message = result.find("t:Output/t:ErrorInfo/t:Message", ns)
            trace = result.find("t:Output/t:ErrorInfo/t:StackTrace", ns)
            print(f"FAILED {result.get('testName')}")
            for text in (message, trace):
                if text is not None and text.text:
                    print("\n".join("    " + line for line in text.text.strip().splitlines()[:25]))
print(f"Tests: {passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
print(f"({len(files)} test projects)", file=sys.stderr)
if not files or failed:
    sys.exit(1)
PY
exit "$status"
