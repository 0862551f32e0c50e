namespace Repitbot.LoadTester.Cli;

/// <summary>One option the tool understands; <see cref="Environment"/> is the variable it falls back to.</summary>
public sealed record OptionSpec(string Name, string? ValueName, string Help, string? Environment = null)
{
    public bool IsFlag => ValueName is null;

    public static readonly IReadOnlyList<OptionSpec> All =
    [
        new("rate", "N|max", "arrivals per second (open model), or max: as fast as --concurrency allows (default 50)"),
        new("count", "N", "stop after N operations (default 500)"),
        new("duration", "SECONDS", "stop scheduling after this many seconds (default 20); whichever of count and duration comes first"),
        new("concurrency", "N", "operations in flight at most (default 256)"),
        new("timeout", "SECONDS", "one operation's time limit, also the wait for downstream effects (default 30)"),
        new("warmup", "N", "operations before measuring, not recorded (default 0)"),
        new("output", "FILE", "the JSON result (default results/<scenario>.json)"),
        new("label", "TEXT", "the name of the result in tables (default the scenario's name)"),
        new("gateway", "URL", "the API gateway", "Services__Gateway"),
        new("bot-gateway", "URL", "the bot gateway", "Services__BotGateway"),
        new("analytics", "URL", "the analytics service", "Services__Analytics"),
        new("notification", "URL", "the notification service", "Services__Notification"),
        new("url", "URL", "the address http-get and wrk request"),
        new("rabbitmq", "URI", "amqp://user:pass@host:port/vhost", "RabbitMq__Uri"),
        new("postgres", "CONNSTRING", "Npgsql connection string (analytics schema)", "ConnectionStrings__Postgres"),
        new("redis", "HOST:PORT", "Redis", "ConnectionStrings__Redis"),
        new("telegram-stub", "URL", "the Telegram Bot API stand-in (tools/telegram-stub), for notify-telegram's counts", "LOADTEST_TELEGRAM_STUB"),
        new("maildir", "DIR", "the SMTP sink's Maildir (mail lands in DIR/new)", "LOADTEST_MAILDIR"),
        new("token", "JWT", "bearer token for HTTP scenarios", "LOADTEST_TOKEN"),
        new("tutor-token", "JWT", "a tutor's bearer token (ingest-rest, pipeline, pipeline-mixed; with --rabbitmq those two register its tutor first)", "LOADTEST_TUTOR_TOKEN"),
        new("pid", "PID", "notify-load: the notification process; its CPU time is read from /proc/PID/stat before and after"),
        new("event", "NAME", "ingest-bus: lesson-completed (default; notification consumes it too) or material-viewed (analytics only)"),
        new("publisher", "raw|masstransit", "ingest-bus: RabbitMQ.Client publishing MassTransit envelopes (default), or a MassTransit bus"),
        new("mix", "LIST", "api-reads: weights, e.g. dashboard=70,chart=20,quick-report=10"),
        new("rates", "LIST", "pipeline, pipeline-mixed: the rates stepped through, e.g. 50,100,200 (default 50,100,200,500,1000); --duration is each step's"),
        new("pids", "LIST", "pipeline: NAME=PID,... the services whose CPU per lesson is read from /proc (servers are found by name)"),
        new("reminder-lead", "SECONDS", "pipeline-mixed: how long before a lesson notification reminds (its Rules__ReminderOffsets__0; default 30)"),
        new("database", "NAME", "pipeline: the database whose PostgreSQL backends count as the pipeline's"),
        new("connections", "N", "wrk: open connections (default 32)"),
        new("threads", "N", "wrk: threads (default 2)"),
        new("warmup-seconds", "SECONDS", "wrk: unrecorded run first (default a fifth of --duration)"),
        new("tutors", "N", "seed-events: tutors the events are spread over (default 20)"),
        new("days", "N", "seed-events: days back the events are spread over (default 365)"),
        new("port", "N", "serve, serve-proxy: the port to listen on (default 17090, 17091)"),
        new("backend", "URL", "serve-proxy: where the minimal YARP forwards (for example the serve endpoint)"),
        new("markdown", "FILE", "report: also write the table as Markdown to FILE"),
        new("machine", "TEXT", "report: a line describing the machine"),
        new("allow-remote", null, "allow targets other than loopback addresses"),
        new("quiet", null, "no live progress line"),
        new("help", null, "this text"),
    ];

    public static OptionSpec? Find(string name) => All.FirstOrDefault(o => o.Name == name);
}
