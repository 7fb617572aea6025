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
        var previousOut = Console.Out;
        Console.SetError(error);
        if (captureOutput)
        {
            Console.SetOut(output);
        }
        try
        {
            var configuration = new System.CommandLine.InvocationConfiguration { Output = TextWriter.Null, Error = error };
            var exit = await PipelineCli.InvokeAsync(args, configuration);
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetError(previous);
            Console.SetOut(previousOut);
            Gate.Release();
        }
    }
}
