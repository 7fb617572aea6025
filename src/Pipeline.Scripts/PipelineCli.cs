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
        return root;
    }
}
