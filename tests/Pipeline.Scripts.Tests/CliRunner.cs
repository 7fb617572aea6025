using System.Text;

namespace Pipeline.Scripts.Tests;

/// <summary>Runs the `pipeline` command in process and captures its exit code and standard error.</summary>
internal static class CliRunner
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<(int Exit, string Error)> RunAsync(params string[] args)
    {
        var (exit, _, error) = await RunCoreAsync(args, captureOutput: false);
        return (exit, error);
    }

    /// <summary>Runs the command capturing standard output as well (commands that print results, e.g. <c>sql</c>).</summary>
    public static Task<(int Exit, string Output, string Error)> RunWithOutputAsync(params string[] args) => RunCoreAsync(args, captureOutput: true);

    private static async Task<(int Exit, string Output, string Error)> RunCoreAsync(string[] args, bool captureOutput)
    {
        // Console redirection is process-wide: one command at a time.
        await Gate.WaitAsync();
        var error = new StringWriter(new StringBuilder());
        var output = new StringWriter(new StringBuilder());
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            // Standard output is captured from the command's own writer, never from Console.Out: tests running in
            // parallel that print to the console cannot leak into it.
            var configuration = new System.CommandLine.InvocationConfiguration { Output = captureOutput ? output : TextWriter.Null, Error = error };
            var exit = await PipelineCli.InvokeAsync(args, configuration);
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetError(previous);
            Gate.Release();
        }
    }
}
