#!/usr/bin/env bash
# Argon2id implementations side by side (bench/HashBench.java). Usage: bench/hash-bench.sh [rounds] [hashesPerRound]
# The class path is Gatehouse's own (Bouncy Castle, argon2-jvm) plus Password4j, fetched for the
# benchmark only.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q dependency:get -Dartifact=com.password4j:password4j:1.8.4 >/dev/null
cp=$(mktemp)
trap 'rm -f "$cp"' EXIT
mvn -B -ntp -q dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$cp" >/dev/null
java -cp "$(cat "$cp"):$HOME/.m2/repository/com/password4j/password4j/1.8.4/password4j-1.8.4.jar" \
  bench/HashBench.java "$@"
