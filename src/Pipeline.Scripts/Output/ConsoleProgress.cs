using System.Collections.Concurrent;
using Spectre.Console;
using TickKernelExtensions.Ingest;

namespace Pipeline.Scripts.Output;

/// <summary>
/// Shows stage progress: live bars on an interactive terminal, and a line per 10 % otherwise (CI logs).
/// </summary>
internal static class ConsoleProgress
{
    public static async Task<T> RunAsync<T>(Func<IProgress<IngestProgress>, Task<T>> work)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            return await work(new LineProgress());
        }
        T result = default!;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var tasks = new ConcurrentDictionary<string, ProgressTask>();
                var progress = new Sink(p =>
                {
                    var task = tasks.GetOrAdd(p.Stage, s => ctx.AddTask(s, maxValue: Math.Max(1, p.Total)));
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                    task.Description = $"{p.Stage,-9} {Markup.Escape(p.Detail ?? "")}";
                });
                result = await work(progress);
                foreach (var task in tasks.Values)
                {
                    task.Value = task.MaxValue;
                    task.StopTask();
                }
            });
        return result;
    }

    private sealed class Sink(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }

    private sealed class LineProgress : IProgress<IngestProgress>
    {
        private readonly ConcurrentDictionary<string, int> _lastDecile = new();

        public void Report(IngestProgress value)
        {
            var decile = value.Total == 0 ? 10 : value.Done * 10 / value.Total;
            var previous = _lastDecile.GetOrAdd(value.Stage, -1);
            if (decile > previous && _lastDecile.TryUpdate(value.Stage, decile, previous))
            {
                Console.WriteLine($"{value.Stage,-9} {value.Done,6}/{value.Total} ({decile * 10,3}%)  {value.Detail}");
            }
        }
    }
}
