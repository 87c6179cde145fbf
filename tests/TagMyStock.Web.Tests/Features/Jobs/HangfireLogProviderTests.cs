using Microsoft.Extensions.Logging;
using HangfireLevel = Hangfire.Logging.LogLevel;

namespace TagMyStock.Web.Features.Jobs;

public sealed class HangfireLogProviderTests
{
    [Fact]
    public void Hangfire_logs_go_to_the_hosts_logging()
    {
        var written = new List<string>();
        using var loggers = LoggerFactory.Create(logging => logging.AddProvider(new ListLoggerProvider(written)));

        var log = new HangfireLogProvider(loggers).GetLogger("Hangfire.Server.Worker");

        Assert.True(log.Log(HangfireLevel.Warn, () => "State change failed"));
        Assert.Equal(["Hangfire.Server.Worker: State change failed"], written);
    }

    [Fact]
    public void A_stopped_hosts_provider_gives_a_silent_logger_instead_of_throwing()
    {
        var loggers = LoggerFactory.Create(_ => { });
        var provider = new HangfireLogProvider(loggers);
        loggers.Dispose();

        var log = provider.GetLogger("Hangfire.BackgroundJobServer");

        Assert.False(log.Log(HangfireLevel.Error, () => "not written"));
    }

    private sealed class ListLoggerProvider(List<string> written) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(categoryName, written);

        public void Dispose()
        {
        }

        private sealed class ListLogger(string category, List<string> written) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                written.Add($"{category}: {formatter(state, exception)}");
        }
    }
}
