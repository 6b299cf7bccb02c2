#!/usr/bin/env bash
# Submits chatpulse's Flink jobs to the session cluster (docker-compose's job-submitter service).
# A job that is already running (by name) is left alone, so a second `docker compose up` does not
# start a second copy. Each job checkpoints into its own folder of the shared volume; a job that
# is submitted again restores from its newest checkpoint there (RESTORE_FROM=auto), so its
# figures continue where they stopped. Settings (KAFKA_BOOTSTRAP_SERVERS, CLICKHOUSE_URL, ...) come
# from this container's environment: the jobs' main methods read them here, at submission.
set -euo pipefail

JAR=${STREAM_JOBS_JAR:-/jars/stream-jobs.jar}
CHECKPOINTS=${CHECKPOINT_ROOT:-file:///flink-checkpoints}
DEADLINE=$((SECONDS + ${SUBMIT_TIMEOUT_SECONDS:-180}))

until running=$(flink list -r 2>/dev/null); do
  if (( SECONDS > DEADLINE )); then
    echo "the JobManager did not answer within ${SUBMIT_TIMEOUT_SECONDS:-180} s" >&2
    exit 1
  fi
  echo "waiting for the JobManager ..."
  sleep 2
done

submit() {
  local name=$1 main_class=$2 folder=$3
  if grep -q ": ${name} (" <<<"$running"; then
    echo "${name} is running (or restarting) already"
    return
  fi
  echo "submitting ${name}"
  CHECKPOINT_DIR="${CHECKPOINTS}/${folder}" flink run -d -c "$main_class" "$JAR"
}

submit chatpulse-conversation-kpis io.chatpulse.streamjobs.ConversationKpiJob conversation-kpis
submit chatpulse-queue-monitor io.chatpulse.streamjobs.QueueMonitorJob queue-monitor
