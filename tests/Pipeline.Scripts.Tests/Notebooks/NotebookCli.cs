using System.CommandLine;
using System.Text;

namespace Pipeline.Scripts.Tests.Notebooks;

/// <summary>
/// Runs <c>pipeline</c> in process through the same entry point as Program.cs, with its output
/// captured by System.CommandLine's invocation configuration (no global Console redirection, so
/// these tests can run in parallel). The runner still starts its real worker process.
/// </summary>
internal static class NotebookCli
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        var output = new StringWriter(new StringBuilder());
        var error = new StringWriter(new StringBuilder());
        var exit = await PipelineCli.InvokeAsync(args, new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
        return new CliResult(exit, output.ToString(), error.ToString());
    }
}

/// <summary>What a CLI run returned and printed.</summary>
internal sealed record CliResult(int Exit, string Output, string Error)
{
    public override string ToString() => $"exit {Exit}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
