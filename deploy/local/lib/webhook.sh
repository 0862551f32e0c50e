# A signed delivery for the bot gateway's webhook intake, as a command an operator can paste. The
# signature is the one services/bot-gateway/Webhooks/WebhookSignature.cs checks:
#   X-Repitbot-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>
# computed when the command runs (the intake refuses a timestamp more than 5 minutes off), over the
# exact bytes curl sends (--data-binary). Sourced by run.sh; needs openssl where the command is pasted.

# webhook_demo_command URL SECRET TUTOR_ID STUDENT_ID: prints a two-line shell snippet that reports an
# attended 60-minute lesson of STUDENT_ID with TUTOR_ID to the intake at URL (…/api/v1/webhooks/<source>).
# Each run sends a new delivery id (demo-<unix seconds>), so each run records a new lesson.
webhook_demo_command() {
  local url=$1 secret=$2 tutor=$3 student=$4
  [[ $secret =~ ^[A-Za-z0-9_-]+$ ]] || { echo "error: webhook_demo_command: the secret must be letters, digits, _ or -" >&2; return 2; }
  cat <<CMD
T=\$(date +%s); BODY='{"id":"demo-'\$T'","type":"lessons/completed","tutorId":"$tutor","data":{"studentId":"$student","outcome":"attended","minutes":60}}'
curl -s -X POST '$url' -H 'Content-Type: application/json' -H "X-Repitbot-Signature: t=\$T,v1=\$(printf '%s' "\$T.\$BODY" | openssl dgst -sha256 -hmac '$secret' -r | cut -d' ' -f1)" --data-binary "\$BODY"; echo
CMD
}
