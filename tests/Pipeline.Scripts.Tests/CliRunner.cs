using System.Text;

namespace Pipeline.Scripts.Tests;

/// <summary>Runs the `pipeline` command in process and captures its exit code and standard error.</summary>
internal static class CliRunner
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<(int Exit, string Error)> RunAsync(params string[] args)
    {
        // Console redirection is process-wide: one command at a time.
        await Gate.WaitAsync();
        var error = new StringWriter(new StringBuilder());
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            var configuration = new System.CommandLine.InvocationConfiguration { Output = TextWriter.Null, Error = error };
            var exit = await PipelineCli.InvokeAsync(args, configuration);
            return (exit, error.ToString());
        }
        finally
        {
            Console.SetError(previous);
            Gate.Release();
        }
    }
}
