using Microsoft.Extensions.Logging;

namespace Pipeline.Scripts.Output;

/// <summary>Warnings and errors of the library's structured events go to stderr, one line each.</summary>
internal static class ConsoleLogging
{
    public static ILoggerFactory Factory { get; } = LoggerFactory.Create(b => b
        .SetMinimumLevel(Enum.TryParse<LogLevel>(Environment.GetEnvironmentVariable("PIPELINE_LOG_LEVEL"), true, out var level) ? level : LogLevel.Warning)
        .AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
            o.UseUtcTimestamp = true;
        }));
}
