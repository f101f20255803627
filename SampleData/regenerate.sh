#!/bin/sh
# Regenerates every file in SampleData/ with the release build of sipas.
# The data are SYNTHETIC (see README.md). Same binary logic + same seed = byte-identical files.
#
#   SampleData/regenerate.sh            # builds sipas (release) if needed, then writes all files
#   SIPAS=/path/to/sipas SampleData/regenerate.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
if [ -z "${SIPAS:-}" ]; then
    scratch=${SCRATCH:-"$root/.build-sample"}
    (cd "$root" && swift build -c release --scratch-path "$scratch" --product sipas)
    SIPAS="$scratch/release/sipas"
fi

run() { echo "sipas sample $*" >&2; "$SIPAS" sample --lang en "$@"; }

# SIPAS (1001/QĐ-BNV instrument), 63 provinces in 2023 and 2024, 34 from 2025.
run --instrument sipas-2023 --year 2023 --rows 12000 --seed 2023 --output "$here/2023.csv"
run --instrument sipas-2023 --year 2024 --rows 12000 --seed 2024 --output "$here/2024.csv"
run --instrument sipas-2023 --year 2025 --rows 12000 --seed 2025 --output "$here/2025.csv"
# Sector surveys, 2024 (63 provinces).
run --instrument health-inpatient  --year 2024 --rows 4000 --seed 3869 --output "$here/health-2024.csv"
run --instrument education         --year 2024 --rows 4000 --seed 2034 --output "$here/education-2024.csv"
run --instrument land-construction --year 2024 --rows 4000 --seed 8024 --output "$here/land-construction-2024.csv"
