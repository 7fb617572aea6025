using System.CommandLine;
using Pipeline.Scripts.Commands;

namespace Pipeline.Scripts;

/// <summary>The `pipeline` command tree.</summary>
internal static class PipelineCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Tick-data research pipeline: stage commands and headless notebook runs.");
        root.Subcommands.Add(IngestCommand.Build());
        root.Subcommands.Add(SimulateCommand.Build());
        root.Subcommands.Add(ConvertCommand.Build());
        root.Subcommands.Add(ImportCommand.Build());
        root.Subcommands.Add(PublishCommand.Build());
        root.Subcommands.Add(DeployConfigCommand.Build());
        root.Subcommands.Add(SparkCommand.Build());
        root.Subcommands.Add(ReplicateCommand.Build());
        root.Subcommands.Add(SqlCommand.Build());
        root.Subcommands.Add(DatasetCommand.Build());
        root.Subcommands.Add(ProcessCommand.Build());
        root.Subcommands.Add(TrainCommand.Build());
        root.Subcommands.Add(BacktestCommand.Build());
        root.Subcommands.Add(ServeCommand.Build());
        root.Subcommands.Add(Mt5Command.Build());
        root.Subcommands.Add(RunCommand.Build());
        root.Subcommands.Add(RunAllCommand.Build());
        root.Subcommands.Add(KernelCommand.Build());
        root.Subcommands.Add(ExportCommand.Build());
        root.Subcommands.Add(MlflowCommand.Build());
        root.Subcommands.Add(RunCommand.BuildWorker());
        root.Subcommands.Add(DemoExecuteCommand.Build());
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; <paramref name="configuration"/> redirects the output (tests).</summary>
    public static async Task<int> InvokeAsync(string[] args, InvocationConfiguration? configuration = null, CancellationToken cancellationToken = default)
    {
        configuration ??= new InvocationConfiguration();
        var result = Build().Parse(args);
        if (RunCommand.TryHandleParseErrors(result, configuration, out var exitCode))
        {
            return exitCode;
        }
        return await result.InvokeAsync(configuration, cancellationToken);
    }
}
