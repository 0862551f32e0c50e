# SMTP sink on 127.0.0.1:2525 (REPITBOT_SMTP_PORT, aiosmtpd); every message lands as a file in
# $LOCAL_DIR/mail/new.

SMTP_PORT=${REPITBOT_SMTP_PORT:-2525}
SMTP_MAILDIR=$LOCAL_DIR/mail
SMTP_PID=$LOCAL_DIR/smtp.pid
SMTP_LOG=$LOGS_DIR/smtp.log

smtp_addr() { echo "127.0.0.1:$SMTP_PORT (mail in $SMTP_MAILDIR/new)"; }
smtp_ports() { echo "$SMTP_PORT:SMTP"; }
smtp_has_process() { pid_alive "$(read_pid "$SMTP_PID")"; }
smtp_running() { pid_listens "$(read_pid "$SMTP_PID")" "$SMTP_PORT"; }

smtp_start() {
  # aiosmtpd answers 500 to everything when the folder exists but is not a Maildir, so make it one.
  mkdir -p "$SMTP_MAILDIR"/{cur,new,tmp}
  # /usr/bin/python3 explicitly: a python3 earlier on PATH may lack the Debian aiosmtpd module.
  start_detached "$SMTP_PID" "$SMTP_LOG" /usr/bin/python3 -m aiosmtpd -n \
    -l "127.0.0.1:$SMTP_PORT" -c aiosmtpd.handlers.Mailbox "$SMTP_MAILDIR"
}

smtp_await() { wait_ready smtp "$(read_pid "$SMTP_PID")" "$SMTP_LOG" smtp_running; }

smtp_stop() { stop_pid "$(read_pid "$SMTP_PID")" 10; }
