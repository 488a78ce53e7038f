#!/usr/bin/env bash
# Triage model benchmark (issue 8): trains the product's triage model (hashed TF-IDF word 1-2-grams
# + char 3-5-grams + head block, one-vs-rest linear SVM by dual coordinate descent, plus the vote of
# the 20 training tickets nearest in meaning, MiniLM embeddings of the first 32 words;
# TrainerSettings.standard() with MeaningVote.Settings.STANDARD)
# on the public it-tickets train.csv and scores it on dev.csv, with the runnable jar's eval-triage
# command: no web server, no database, nothing downloaded. Prints one JSON line per run.
#   bash bench/triage.sh                  (from the repository root; RUNS=3 by default)
#   DATA=/path/to/it-tickets bash bench/triage.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DATA:-/work/shared/data/it-tickets}
RUNS=${RUNS:-3}
JAR=$(ls target/tierline-*.jar 2>/dev/null | head -1 || true)
if [ -z "$JAR" ]; then
  ./mvnw -o -q package -DskipTests
  JAR=$(ls target/tierline-*.jar | head -1)
fi
echo "# $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
for i in $(seq 1 "$RUNS"); do
  java -Xmx2g -jar "$JAR" eval-triage --train "$DATA/train.csv" --test "$DATA/dev.csv"
done
