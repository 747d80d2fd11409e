#!/usr/bin/env bash
# Server CPU time per password login: the figure to size with on a shared machine, where
# wall-clock rates drift with whatever else runs. Usage:
#   bench/login-cpu.sh <server pid> [baseUrl] [adminPassword] [logins]
# The server must run on this machine (loopback only); it reads the server's utime+stime from /proc.
set -euo pipefail
pid=$1
base=${2:-http://127.0.0.1:8080}
password=${3:-${GATEHOUSE_ADMIN_PASSWORD:?}}
logins=${4:-100}
case $base in http://127.*|http://localhost*) ;; *) echo "this benchmark only targets a server on this machine" >&2; exit 2 ;; esac
export BODY="{\"auth\":{\"type\":\"auth\",\"username\":\"admin\",\"password\":\"$password\"}}" URL="$base/rest/auth/"
login() { curl -s -o /dev/null -w '%{http_code}\n' -H 'Content-Type: application/json' -d "$BODY" "$URL"; }
export -f login
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
seq 40 | xargs -P2 -I{} bash -c login > /dev/null   # warm-up: let the JIT compile the hash
before=$(ticks); start=$(date +%s.%N)
answers=$(seq "$logins" | xargs -P2 -I{} bash -c login | sort | uniq -c | tr '\n' ' ')
after=$(ticks); end=$(date +%s.%N)
hz=$(getconf CLK_TCK)
echo "answers: $answers"
awk -v t=$((after - before)) -v hz="$hz" -v n="$logins" -v s="$start" -v e="$end" 'BEGIN {
  cpu = t / hz / n
  printf "server CPU per login %.1f ms  =>  %.1f logins/s per core;  wall %.1f logins/s\n", cpu * 1000, 1 / cpu, n / (e - s) }'
