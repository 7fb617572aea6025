using System.CommandLine;

namespace Pipeline.Scripts;

/// <summary>The `pipeline` command tree.</summary>
internal static class PipelineCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Tick-data research pipeline: stage commands and headless notebook runs.");
        return root;
    }
}
