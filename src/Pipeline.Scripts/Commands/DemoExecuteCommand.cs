using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using TickKernelExtensions.Backtesting.Engine;
using TickKernelExtensions.Execution;
using TickKernelExtensions.Modeling.Signals;

namespace Pipeline.Scripts.Commands;

/// <summary>
/// <c>pipeline demo-execute</c>: drives a <see cref="DemoExecutor"/> from an event stream, one event per line —
/// <c>tick SYMBOL MICROS BID ASK</c> or <c>signal {TradeSignal JSON}</c> — read from a file or standard input (<c>-</c>),
/// and prints <c>ack SEQ TYPE KEY</c> for every journal record once it is on disk. Restarted on the same journal with
/// the same stream it skips what the journal already holds. Hidden: the process the kill/restart test runs.
/// </summary>
internal static class DemoExecuteCommand
{
    public static Command Build()
    {
        var journal = new Option<string>("--journal") { Description = "The execution journal (JSON lines); created when missing, replayed when present.", Required = true };
        var events = new Option<string>("--events") { Description = "The event stream: a file, or - for standard input.", DefaultValueFactory = _ => "-" };
        var latency = new Option<int>("--latency-ms") { Description = "Order latency in milliseconds.", DefaultValueFactory = _ => 0 };
        var jitter = new Option<int>("--jitter-ms") { Description = "Extra seeded latency jitter in milliseconds.", DefaultValueFactory = _ => 0 };
        var commission = new Option<double>("--commission") { Description = "Commission per lot per side, account currency.", DefaultValueFactory = _ => 0 };
        var command = new Command("demo-execute", "Internal: run the demo executor over a tick/signal stream, acknowledging each journaled record on stdout.")
        {
            journal, events, latency, jitter, commission,
        };
        command.Hidden = true;
        command.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            var options = new DemoExecutorOptions
            {
                Backtest = new BacktestOptions
                {
                    Latency = TimeSpan.FromMilliseconds(r.GetValue(latency)),
                    LatencyJitter = TimeSpan.FromMilliseconds(r.GetValue(jitter)),
                    CommissionPerLot = r.GetValue(commission),
                },
                Risk = new DemoRiskLimits { MaxOrdersPerMinute = 1_000, MaxSignalAge = TimeSpan.FromHours(1) },
            };
            var output = r.InvocationConfiguration.Output;
            var path = r.GetValue(events)!;
            using var reader = path == "-" ? new StreamReader(Console.OpenStandardInput()) : new StreamReader(path);
            try
            {
                using var executor = DemoExecutor.Open(r.GetValue(journal)!, options);
                var line = 0;
                while (await reader.ReadLineAsync(ct) is { } text)
                {
                    line++;
                    if (text.Length == 0)
                    {
                        continue;
                    }
                    foreach (var record in Handle(executor, text, line))
                    {
                        var type = JsonNamingPolicy.KebabCaseLower.ConvertName(record.Type.ToString());
                        var key = record.OrderId ?? record.SignalId ?? record.PositionId?.ToString(CultureInfo.InvariantCulture) ?? "-";
                        await output.WriteLineAsync($"ack {record.Seq} {type} {key}");
                        await output.FlushAsync(ct);
                    }
                }
                return 0;
            }
            catch (ExecutionException e)
            {
                await Console.Error.WriteLineAsync($"error ({e.Kind}): {e.Message}");
                return 2;
            }
        }));
        return command;
    }

    private static IReadOnlyList<ExecutionRecord> Handle(DemoExecutor executor, string text, int line)
    {
        if (text.StartsWith("signal ", StringComparison.Ordinal))
        {
            return executor.OnSignal(TradeSignalJson.Deserialize(text["signal ".Length..])).Records;
        }
        var parts = text.Split(' ');
        if (parts.Length == 5 && parts[0] == "tick"
            && long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var time)
            && double.TryParse(parts[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var bid)
            && double.TryParse(parts[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var ask))
        {
            return executor.OnTick(parts[1], time, bid, ask);
        }
        throw new ExecutionException(ExecutionErrorKind.InvalidInput, $"Event line {line} is neither a tick nor a signal.")
        {
            Field = "event", Expected = "tick SYMBOL MICROS BID ASK | signal {json}", Actual = text.Length <= 80 ? text : text[..80],
        };
    }
}
