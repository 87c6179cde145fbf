using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace TagMyStock.Web.Features.Jobs;

/// <summary>
/// Hangfire's logs, through the host's logging. Hangfire keeps one log provider per process, the one of the host
/// configured last: when that host has stopped while another still runs (tests start many hosts in one process),
/// its disposed logger factory must not keep the other's job server from starting, which it did by throwing
/// while the server was being built. Hangfire then logs nothing instead.
/// </summary>
internal sealed class HangfireLogProvider(ILoggerFactory loggers) : ILogProvider
{
    private readonly AspNetCoreLogProvider _host = new(loggers);

    public ILog GetLogger(string name)
    {
        try
        {
            return _host.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static Silent Instance { get; } = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
